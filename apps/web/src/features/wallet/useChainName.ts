"use client";

import { useQuery } from "@tanstack/react-query";
import { appChain } from "@/config/chain";
import { chainNameIn } from "./chainName";

/**
 * A person-readable name for the network a wallet is on. The app's own chain is named at build
 * time; any other is looked up in viem's chain list, imported only when a wallet is elsewhere
 * (it is large, and most visits never need it). "Chain N" while loading or when unknown.
 */
export function useChainName(chainId: number | undefined): string | undefined {
  const other = chainId !== undefined && chainId !== appChain.id;
  const lookup = useQuery({
    queryKey: ["peerlock", "chainName", chainId],
    enabled: other,
    staleTime: Infinity,
    queryFn: async () => chainNameIn(Object.values(await import("viem/chains")), chainId!) ?? null,
  });
  if (chainId === undefined) return undefined;
  if (!other) return appChain.name;
  return lookup.data ?? `Chain ${chainId}`;
}
