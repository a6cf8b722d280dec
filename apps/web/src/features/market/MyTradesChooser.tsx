"use client";

import dynamic from "next/dynamic";
import { useConnection } from "wagmi";
import { useIndexerHealth } from "@/features/indexer/hooks";
import { IndexedMyTradesView } from "./IndexedMyTradesView";

// Like the market's: the whole-book chain reader loads only while the indexer cannot answer.
const MyTradesView = dynamic(() => import("@/features/market/MyTradesView").then((m) => m.MyTradesView), {
  loading: () => <p className="muted">Loading your trades from the chain…</p>,
});

/** "My trades" from the indexer when it is up and in step with the chain; otherwise from the whole book on chain (v1). */
export function MyTradesChooser() {
  const { address } = useConnection();
  const { health } = useIndexerHealth();
  if (health === "checking") return <p className="muted">Loading your trades…</p>;
  return health === "ok" && address ? <IndexedMyTradesView account={address} /> : <MyTradesView />;
}
