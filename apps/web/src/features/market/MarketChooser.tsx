"use client";

import dynamic from "next/dynamic";
import { useIndexerHealth } from "@/features/indexer/hooks";
import { IndexedMarketView } from "./IndexedMarketView";

// The whole-book chain reader is needed only while the indexer is down or behind: its code loads then.
const ChainMarketView = dynamic(() => import("@/features/market/MarketView").then((m) => m.MarketView), {
  loading: () => <p className="muted">Loading the market from the chain…</p>,
});

/** The market from the indexer when it is up and in step with the chain; otherwise the whole book from the chain (v1). */
export function MarketChooser() {
  const { health } = useIndexerHealth();
  if (health === "checking") return <p className="muted">Loading the market…</p>;
  return health === "ok" ? <IndexedMarketView /> : <ChainMarketView />;
}
