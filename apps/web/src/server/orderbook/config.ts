import { getDeployment } from "@peerlock/sdk";
import { type Address, getAddress } from "viem";
import { appChainId } from "@/config/chain";

/** The order book's settings, read per call (not at import) so tests and `next start` can set them. */
export type OrderbookConfig = {
  chainId: number;
  /** SignedSwap on the app's chain from @peerlock/sdk; ORDERBOOK_SIGNED_SWAP points a test server at its own deploy. */
  signedSwap: Address | undefined;
  /** The block SignedSwap was deployed in: where following its logs starts. */
  startBlock: bigint;
  /** Posts per minute from one IP, and for one maker (whatever the IP). */
  postsPerMinutePerIp: number;
  postsPerMinutePerMaker: number;
  /** A list read runs a sync step when the last one is older than this (0: every read). */
  syncIntervalMs: number;
  /** Blocks per eth_getLogs call, and calls per sync step: a step's work stays bounded. */
  logBlockRange: bigint;
  logRangesPerSync: number;
  /** Orders re-checked with SignedSwap.check per sync step, stalest first. */
  recheckBatch: number;
};

const numberFrom = (raw: string | undefined, fallback: number) =>
  raw !== undefined && raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : fallback;

export function orderbookConfig(): OrderbookConfig {
  const override = process.env.ORDERBOOK_SIGNED_SWAP;
  const deployed = getDeployment(appChainId)?.signedSwap;
  return {
    chainId: appChainId,
    signedSwap: override ? getAddress(override) : deployed?.address,
    startBlock: override ? BigInt(process.env.ORDERBOOK_START_BLOCK || 0) : (deployed?.deployedOnBlock ?? 0n),
    postsPerMinutePerIp: numberFrom(process.env.ORDERBOOK_POSTS_PER_MINUTE_PER_IP, 30),
    postsPerMinutePerMaker: numberFrom(process.env.ORDERBOOK_POSTS_PER_MINUTE_PER_MAKER, 20),
    syncIntervalMs: numberFrom(process.env.ORDERBOOK_SYNC_INTERVAL_SECONDS, 15) * 1000,
    logBlockRange: BigInt(numberFrom(process.env.ORDERBOOK_LOG_BLOCK_RANGE, 2000)),
    logRangesPerSync: 5,
    recheckBatch: numberFrom(process.env.ORDERBOOK_RECHECK_BATCH, 25),
  };
}

/** The row key of this chain and contract in orderbook_sync. */
export const syncKey = (chainId: number, signedSwap: Address) => `${chainId}:${signedSwap}`;
