// Reputation figures in words (pure, so they are unit-tested).
import type { Reputation } from "@/features/indexer/api";

export function formatRate(rate: number | null): string {
  return rate === null ? "no record" : `${Math.floor(rate * 100)} % completed`;
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  if (seconds < 36 * 3600) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} days`;
}

/** The one-line summary shown next to a maker or seller. */
export function reputationSummary(r: Reputation): string {
  if (r.completedTrades === 0 && r.lapsedAsBuyer + r.backedOutAsBuyer === 0) return "New: no trades yet";
  const trades = `${r.completedTrades} trade${r.completedTrades === 1 ? "" : "s"}`;
  const parts = [trades, formatRate(r.completionRate)];
  if (r.disputesOpened > 0) parts.push(`${r.disputesOpened} dispute${r.disputesOpened === 1 ? "" : "s"} opened`);
  return parts.join(" · ");
}
