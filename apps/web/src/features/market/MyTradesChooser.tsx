"use client";

import { useConnection } from "wagmi";
import { MyTradesView } from "@/features/market/MyTradesView";
import { useIndexerHealth } from "@/features/indexer/hooks";
import { IndexedMyTradesView } from "./IndexedMyTradesView";

/** "My trades" from the indexer when it is up and in step with the chain; otherwise from the whole book on chain (v1). */
export function MyTradesChooser() {
  const { address } = useConnection();
  const { health } = useIndexerHealth();
  if (health === "checking") return <p className="muted">Loading your trades…</p>;
  return health === "ok" && address ? <IndexedMyTradesView account={address} /> : <MyTradesView />;
}
