"use client";

import { appChain } from "@/config/chain";
import { explorerLink } from "@/features/tx/txState";
import { formatDateTime } from "@/lib/time";
import type { HistoryEntry } from "./history";

const explorer = appChain.blockExplorers?.default.url;

/** A trade's events, oldest first, each with its block (linked to the explorer when there is one). */
export function HistoryList({ entries, describe }: { entries: readonly HistoryEntry[]; describe: (e: HistoryEntry) => string }) {
  if (entries.length === 0) return <p className="muted">No events yet.</p>;
  return (
    <ol className="history" data-testid="history">
      {entries.map((e) => {
        const url = explorerLink(explorer, "block", e.blockNumber);
        return (
          <li key={`${e.transactionHash}-${e.logIndex}`}>
            <strong>{describe(e)}</strong>
            <br />
            <span className="muted">
              {url ? (
                <a href={url} target="_blank" rel="noreferrer">
                  Block {e.blockNumber.toString()}
                </a>
              ) : (
                <>Block {e.blockNumber.toString()}</>
              )}
              {e.timestamp !== undefined ? <> · {formatDateTime(e.timestamp)}</> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
