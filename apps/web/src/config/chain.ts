import { type Chain, defineChain } from "viem";
import { parseChainMeta } from "./chainMeta";

/**
 * The one chain this app talks to, from the environment. Next inlines NEXT_PUBLIC_* at build
 * time, so these must be read with their literal names. next.config.ts fills in the chain id's
 * default and NEXT_PUBLIC_CHAIN_META (name, currency, explorer from viem's chain list), so the
 * bundle holds no chain definitions.
 */
export const DEFAULT_CHAIN_ID = 31337;
export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";

/** Local development chains: the only place the faucet and the dev wallet show. */
export const LOCAL_CHAIN_IDS: ReadonlySet<number> = new Set([31337, 1337]);

export function parseChainId(raw: string | undefined): number {
  if (!raw || raw.trim() === "") return DEFAULT_CHAIN_ID;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`NEXT_PUBLIC_CHAIN_ID must be a positive integer, got "${raw}"`);
  return id;
}

/** The viem chain for `chainId` with `rpcUrl` as its only RPC (our node, never a public default). */
export function buildChain(chainId: number, rpcUrl: string, metaJson?: string): Chain {
  const meta = parseChainMeta(metaJson, chainId);
  return defineChain({
    id: chainId,
    name: meta.name,
    nativeCurrency: meta.nativeCurrency,
    rpcUrls: { default: { http: [rpcUrl] } },
    blockExplorers: meta.explorerUrl ? { default: { name: "Explorer", url: meta.explorerUrl } } : undefined,
  });
}

export const appChainId = parseChainId(process.env.NEXT_PUBLIC_CHAIN_ID);
export const appRpcUrl = process.env.NEXT_PUBLIC_RPC_URL || DEFAULT_RPC_URL;
export const appChain = buildChain(appChainId, appRpcUrl, process.env.NEXT_PUBLIC_CHAIN_META);
export const isLocalChain = LOCAL_CHAIN_IDS.has(appChainId);
