import type { Chain } from "viem";

/** What the app shows of its chain: name, currency and explorer. */
export type ChainMeta = Pick<Chain, "name" | "nativeCurrency"> & { explorerUrl?: string };

/**
 * Metadata of `chainId` from viem's chain list, or undefined for a chain viem does not know. Run
 * by next.config.ts at build time, which inlines the result as NEXT_PUBLIC_CHAIN_META: the browser
 * gets the app chain's name without viem's chain definitions (OP-stack formatters and all).
 */
export function chainMetaOf(chainId: number, chains: readonly Chain[]): ChainMeta | undefined {
  const known = chains.find((c) => c.id === chainId);
  if (!known) return undefined;
  return { name: known.name, nativeCurrency: known.nativeCurrency, explorerUrl: known.blockExplorers?.default.url };
}

/** The inlined metadata, or a plain "Chain N" in ether when absent or unreadable (tests, the benchmark). */
export function parseChainMeta(raw: string | undefined, chainId: number): ChainMeta {
  const fallback: ChainMeta = { name: `Chain ${chainId}`, nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 } };
  if (!raw) return fallback;
  try {
    const meta = JSON.parse(raw) as Partial<ChainMeta>;
    if (typeof meta.name !== "string" || typeof meta.nativeCurrency?.symbol !== "string") return fallback;
    return { name: meta.name, nativeCurrency: meta.nativeCurrency, explorerUrl: typeof meta.explorerUrl === "string" ? meta.explorerUrl : undefined };
  } catch {
    return fallback;
  }
}
