"use client";

import { MarketView } from "@/features/market/MarketView";
import { useIndexerHealth } from "./hooks";
import { IndexedMarketView } from "./IndexedMarketView";

/** The market from the indexer when it is up and in step with the chain; otherwise the whole book from the chain (v1). */
export function MarketChooser() {
  const { health } = useIndexerHealth();
  if (health === "checking") return <p className="muted">Loading the market…</p>;
  return health === "ok" ? <IndexedMarketView /> : <MarketView />;
}
