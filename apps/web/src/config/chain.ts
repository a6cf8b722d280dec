import { type Chain, defineChain } from "viem";
import { arbitrum, base, baseSepolia, hardhat, localhost, mainnet, optimism, polygon, sepolia } from "viem/chains";

/**
 * The one chain this app talks to, from the environment. Next inlines NEXT_PUBLIC_* at build
 * time, so these must be read with their literal names.
 */
export const DEFAULT_CHAIN_ID = 31337;
export const DEFAULT_RPC_URL = "http://127.0.0.1:8545";

// A short list instead of `import * from "viem/chains"`, which would pull hundreds of chains into the bundle.
const KNOWN_CHAINS: readonly Chain[] = [hardhat, localhost, mainnet, sepolia, base, baseSepolia, optimism, arbitrum, polygon];

/** Local development chains: the only place the faucet shows. */
export const LOCAL_CHAIN_IDS: ReadonlySet<number> = new Set([31337, 1337]);

export function parseChainId(raw: string | undefined): number {
  if (!raw || raw.trim() === "") return DEFAULT_CHAIN_ID;
  const id = Number(raw);
  if (!Number.isSafeInteger(id) || id <= 0) throw new Error(`NEXT_PUBLIC_CHAIN_ID must be a positive integer, got "${raw}"`);
  return id;
}

/** The viem chain for `chainId`, with its RPC replaced by `rpcUrl` (our node, never a public default). */
export function buildChain(chainId: number, rpcUrl: string): Chain {
  const known = KNOWN_CHAINS.find((c) => c.id === chainId);
  const rpcUrls = { default: { http: [rpcUrl] } };
  if (known) return { ...known, rpcUrls };
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls,
  });
}

export const appChainId = parseChainId(process.env.NEXT_PUBLIC_CHAIN_ID);
export const appRpcUrl = process.env.NEXT_PUBLIC_RPC_URL || DEFAULT_RPC_URL;
export const appChain = buildChain(appChainId, appRpcUrl);
export const isLocalChain = LOCAL_CHAIN_IDS.has(appChainId);
