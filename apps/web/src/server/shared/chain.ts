import { createPublicClient, http, type PublicClient } from "viem";
import { buildChain } from "@/config/chain";
import { serverConfig } from "./config";

export { ChainUnavailable } from "./http/errors";

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
