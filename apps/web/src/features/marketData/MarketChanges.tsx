"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useCallback } from "react";
import { useClient } from "wagmi";
import { type Changed, ChainChangesProvider } from "@/features/tx/chainChanges";

/**
 * Registers the market's cache patcher as the callback transactions and escrow events report
 * changed ids to. The patcher (chain reads) loads on the first change, not with every page.
 */
export function MarketChanges({ children }: { children: ReactNode }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const apply = useCallback(
    async (changed: Changed) => (await import("./applyChanges")).applyMarketChanges(client, queryClient, changed),
    [client, queryClient],
  );
  return <ChainChangesProvider apply={apply}>{children}</ChainChangesProvider>;
}
