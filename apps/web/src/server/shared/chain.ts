import { createPublicClient, http, type PublicClient } from "viem";
import { buildChain } from "@/config/chain";
import { serverConfig } from "./config";

import { ChainUnavailable } from "./http/errors";

export { ChainUnavailable };

/**
 * The server's own view of the chain: state is always read from it, never taken from the client.
 * One retry: a node that is down should cost a request a 503 quickly, not many seconds.
 */
const holder = globalThis as typeof globalThis & { __peerlockServerChain?: { rpcUrl: string; client: PublicClient } };

export function chainClient(): PublicClient {
  const { chainId, rpcUrl } = serverConfig();
  if (holder.__peerlockServerChain?.rpcUrl !== rpcUrl) {
    holder.__peerlockServerChain = {
      rpcUrl,
      client: createPublicClient({ chain: buildChain(chainId, rpcUrl), transport: http(rpcUrl, { retryCount: 1 }) }),
    };
  }
  return holder.__peerlockServerChain.client;
}

/** The chain's head block, asked every time (no cache): caches keyed by block must see a new one at once. */
export async function headBlock(): Promise<bigint> {
  try {
    return await chainClient().getBlockNumber({ cacheTime: 0 });
  } catch {
    throw new ChainUnavailable("The chain could not be read; try again.");
  }
}
