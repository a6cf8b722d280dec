"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TransactionReceipt } from "viem";
import { useConfig } from "wagmi";
import { useApplyChanges } from "./chainChanges";
import type { TxPlan } from "./plan";
import type { TxState } from "./txState";

export { type ContractCall, contractCall } from "./contractCall";
export type { Approval, Changed, TxPlan } from "./plan";

// The runner (simulate, send, decode reverts: most of viem's transaction code) is not part of the
// page's first load: it is fetched right after the page is interactive, long before a click.
let runner: Promise<typeof import("./runPlan")> | undefined;
const loadRunner = () => (runner ??= import("./runPlan"));

/**
 * The one place a transaction lives its whole life: right chain? -> approval if short (exact
 * amount) -> simulate (so a revert is explained before signing) -> confirm in wallet -> pending
 * -> confirmed, or failed with the decoded reason. A rejection in the wallet is "cancelled".
 */
export function useTransaction() {
  const config = useConfig();
  const queryClient = useQueryClient();
  const applyMarketChanges = useApplyChanges();
  const [state, setState] = useState<TxState>({ phase: "idle" });
  const running = useRef(false);

  useEffect(() => {
    void loadRunner().catch(() => undefined);
  }, []);

  const run = useCallback(
    async (plan: TxPlan): Promise<TransactionReceipt[] | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      try {
        const { runPlan } = await loadRunner().catch((error: unknown) => {
          runner = undefined;
          throw error;
        });
        return await runPlan({ config, queryClient, applyMarketChanges, setState }, plan);
      } catch {
        setState({ phase: "failed", message: "The app could not load its transaction code: check the connection and try again." });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [config, queryClient, applyMarketChanges],
  );

  const reset = useCallback(() => setState({ phase: "idle" }), []);
  return { state, run, reset };
}

export type Tx = ReturnType<typeof useTransaction>;
