"use client";

import { createContext, type ReactNode, useContext } from "react";

/** Offers and deals a transaction or an escrow event changed. */
export type Changed = { offerIds?: readonly bigint[]; dealIds?: readonly bigint[] };
export type ApplyChanges = (changed: Changed) => Promise<unknown>;

const ApplyChangesContext = createContext<ApplyChanges>(async () => undefined);

/**
 * Where the transaction layer sends the ids it changed. The app passes the market's cache
 * patcher in (app/providers.tsx), so this layer does not import the market: it only calls back.
 */
export function ChainChangesProvider({ apply, children }: { apply: ApplyChanges; children: ReactNode }) {
  return <ApplyChangesContext.Provider value={apply}>{children}</ApplyChangesContext.Provider>;
}

/** The callback the app registered (a no-op outside the provider). */
export const useApplyChanges = () => useContext(ApplyChangesContext);
