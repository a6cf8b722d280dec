// Which chain and contracts Ponder indexes. Addresses and start blocks come from
// @peerlock/sdk's deployments (written by contracts/scripts/deploy.ts), never by hand.
import { createConfig } from "ponder";
import { dealEscrowAbi, signedSwapAbi, swapEscrowAbi } from "@peerlock/sdk";
import { indexerSettings } from "./src/lib/settings";

const settings = indexerSettings();

export default createConfig({
  database: settings.databaseUrl ? { kind: "postgres", connectionString: settings.databaseUrl } : { kind: "pglite", directory: settings.pgliteDir },
  chains: {
    peerlock: {
      id: settings.chainId,
      rpc: settings.rpcUrl,
      // A development chain restarts from block 0 with the same ids: never trust a cache of it.
      disableCache: settings.isLocalChain,
      pollingInterval: settings.isLocalChain ? 250 : 1_000,
    },
  },
  contracts: {
    SwapEscrow: {
      chain: "peerlock",
      abi: swapEscrowAbi,
      address: settings.deployment.swapEscrow.address,
      startBlock: Number(settings.deployment.swapEscrow.deployedOnBlock),
    },
    DealEscrow: {
      chain: "peerlock",
      abi: dealEscrowAbi,
      address: settings.deployment.dealEscrow.address,
      startBlock: Number(settings.deployment.dealEscrow.deployedOnBlock),
    },
    SignedSwap: {
      chain: "peerlock",
      abi: signedSwapAbi,
      address: settings.deployment.signedSwap.address,
      startBlock: Number(settings.deployment.signedSwap.deployedOnBlock),
    },
  },
  // Every block from the head at start-up on, after its logs: src/Progress.ts records which
  // block is fully indexed, for /api/status. ("latest": no block-by-block backfill of history.)
  blocks: {
    IndexProgress: { chain: "peerlock", interval: 1, startBlock: "latest" },
  },
});
