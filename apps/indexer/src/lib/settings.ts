// The indexer's settings from the environment, shared by ponder.config.ts and scripts/start.ts.
//   CHAIN_ID        chain to index (default 31337, the local Hardhat node)
//   PONDER_RPC_URL  its JSON-RPC endpoint (default http://127.0.0.1:8545)
//   DATABASE_URL    PostgreSQL; unset means embedded PGlite in PONDER_DATA_DIR
//   PONDER_DATA_DIR PGlite folder (default apps/indexer/.ponder/pglite-<chain id>)
import { resolve } from "node:path";
import { type Deployment, getDeployment } from "@peerlock/sdk";

const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

export type IndexerSettings = {
  chainId: number;
  rpcUrl: string;
  isLocalChain: boolean;
  databaseUrl: string | undefined;
  pgliteDir: string;
  deployment: Deployment;
};

export function indexerSettings(env: NodeJS.ProcessEnv = process.env): IndexerSettings {
  const chainId = Number(env.CHAIN_ID ?? 31337);
  if (!Number.isSafeInteger(chainId) || chainId <= 0) throw new Error(`CHAIN_ID must be a positive integer, got "${env.CHAIN_ID}"`);
  const deployment = getDeployment(chainId);
  if (!deployment) {
    throw new Error(`@peerlock/sdk has no deployment for chain ${chainId}: deploy first (pnpm deploy:local) so the SDK knows the addresses`);
  }
  return {
    chainId,
    rpcUrl: env.PONDER_RPC_URL ?? "http://127.0.0.1:8545",
    isLocalChain: LOCAL_CHAIN_IDS.has(chainId),
    databaseUrl: env.DATABASE_URL || undefined,
    // Ponder runs with apps/indexer as its working directory.
    pgliteDir: resolve(env.PONDER_DATA_DIR ?? `.ponder/pglite-${chainId}`),
    deployment,
  };
}
