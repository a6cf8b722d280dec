"use client";

import { appChain } from "@/config/chain";
import { describeTx, explorerLink, isBusy, type TxState } from "./txState";

const explorer = appChain.blockExplorers?.default.url;

/**
 * The status line of a transaction, always in a role="status" live region so screen readers
 * (and the end-to-end suite) follow each step. A chain without an explorer shows the block number.
 */
export function TxStatus({ state, testId = "tx-status" }: { state: TxState; testId?: string }) {
  const text = describeTx(state);
  const blockUrl = state.phase === "confirmed" ? explorerLink(explorer, "block", state.blockNumber) : undefined;
  const txUrl = "hash" in state && state.hash ? explorerLink(explorer, "tx", state.hash) : undefined;
  return (
    <div className="tx-status" role="status" aria-live="polite" data-testid={testId}>
      {text ? (
        <div data-phase={state.phase} data-busy={isBusy(state)}>
          {text}
          {blockUrl ? (
            <>
              {" "}
              <a href={blockUrl} target="_blank" rel="noreferrer">
                View block
              </a>
            </>
          ) : null}
          {txUrl && state.phase !== "confirmed" ? (
            <>
              {" "}
              <a href={txUrl} target="_blank" rel="noreferrer">
                View transaction
              </a>
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
