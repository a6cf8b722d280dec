// The indexer as `pnpm dev` and the end-to-end harness start it: `pnpm --filter
// @peerlock/indexer start` (which throws away an index of an older chain), then a wait until
// it has indexed the chain head. Ponder's /ready comes before the last blocks of a local
// chain, and its checkpoint shows the old head while it re-indexes its last blocks after a
// restart; /api/status reports the last block whose events are all queryable, which is
// compared here with eth_blockNumber.
import type { ChildProcess } from "node:child_process";
import { startService, waitForService } from "./processes.ts";

export type IndexerOptions = { rpcUrl: string; port: number; logFile: string; chainId?: number };

export function indexerUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export async function startIndexer({ rpcUrl, port, logFile, chainId = 31337 }: IndexerOptions): Promise<ChildProcess> {
  const indexer = startService(
    "pnpm",
    ["--filter", "@peerlock/indexer", "start"],
    { CHAIN_ID: String(chainId), PONDER_RPC_URL: rpcUrl, INDEXER_PORT: String(port), PONDER_LOG_LEVEL: "warn" },
    undefined,
    logFile,
  );
  await waitForService(indexer, `the indexer at ${indexerUrl(port)}`, () => caughtUp(rpcUrl, port), { timeoutMs: 180_000, logFile });
  return indexer;
}

/** True once every event up to the chain's current block is queryable. */
export async function caughtUp(rpcUrl: string, port: number): Promise<boolean> {
  const [status, head] = await Promise.all([
    fetch(`${indexerUrl(port)}/api/status`).then((r) => (r.ok ? (r.json() as Promise<{ indexedBlock: string | null; caughtUp: boolean }>) : null)),
    fetch(rpcUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
    }).then((r) => r.json() as Promise<{ result: string }>),
  ]);
  return status?.caughtUp === true && status.indexedBlock != null && BigInt(status.indexedBlock) >= BigInt(head.result);
}
