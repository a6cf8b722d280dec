"use client";

import { QueryState } from "@/components/QueryState";
import type { HistoryEntry } from "./history";
import { HistoryList } from "./HistoryList";

type HistoryQuery = { data: readonly HistoryEntry[] | undefined; isLoading: boolean; error: Error | null; refetch: () => unknown };

/** The "History" section of an offer's or a deal's page: its events, or why they are not there yet. */
export function TradeHistory({ history, describe }: { history: HistoryQuery; describe: (e: HistoryEntry) => string }) {
  return (
    <>
      <h2>History</h2>
      <section className="card" aria-label="History">
        {history.data ? (
          <HistoryList entries={history.data} describe={describe} />
        ) : (
          <QueryState what="the history" isLoading={history.isLoading} error={history.error} retry={() => history.refetch()} />
        )}
      </section>
    </>
  );
}
