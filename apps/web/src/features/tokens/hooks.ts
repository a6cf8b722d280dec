"use client";

import { erc20Abi, isNative, readTokenInfos, type TokenInfo } from "@peerlock/sdk";
import { useQueries, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Address } from "viem";
import { getBalance, readContract } from "viem/actions";
import { useClient } from "wagmi";
import { knownTokens } from "@/config/deployment";
import { queryKeys } from "@/lib/queryKeys";
import { loadTokenInfo, tokenMapOf, type TokenMap, unknownTokensOf } from "./registry";

const knownMap = tokenMapOf(knownTokens);

/** The tokens read so far (stable while none changes, as `combine` is defined once). */
const loadedTokens = (results: { data?: TokenInfo }[]) => results.flatMap((r) => (r.data ? [r.data] : []));

/**
 * The tokens a page shows: the chain's known list, plus one read per token it does not know
 * (cached for the session). Never a scan of the market, so a page costs the same whatever
 * the size of the book.
 */
export function useTokenMap(addresses: readonly (Address | undefined)[]): TokenMap {
  const client = useClient();
  const missing = unknownTokensOf(addresses, knownMap);
  const loaded = useQueries({
    queries: missing.map((address) => ({
      queryKey: [...queryKeys.token(address), "info"],
      queryFn: () => loadTokenInfo(client!, address),
      enabled: !!client,
      staleTime: Infinity,
    })),
    combine: loadedTokens,
  });
  return useMemo(() => ({ ...knownMap, ...tokenMapOf(loaded) }), [loaded]);
}

/** Symbol and decimals of any address, or a plain error when it is not an ERC-20. */
export function useTokenLookup(address: Address | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: address ? queryKeys.token(address) : [...queryKeys.root, "token", "none"],
    enabled: !!client && !!address,
    staleTime: Infinity,
    retry: false,
    queryFn: async (): Promise<TokenInfo> => {
      const known = knownMap[address!.toLowerCase()];
      if (known) return known;
      const [info] = await readTokenInfos(client!, [address!]);
      if (!info) throw new Error("No ERC-20 token answers at this address (it has no symbol or decimals).");
      return info;
    },
  });
}

/** The account's balance of a token (ETH for address 0), refreshed after its own transactions. */
export function useTokenBalance(token: Address | undefined, account: Address | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: token && account ? queryKeys.balance(token, account) : [...queryKeys.root, "balance", "none"],
    enabled: !!client && !!token && !!account,
    queryFn: () =>
      isNative(token!)
        ? getBalance(client!, { address: account! })
        : readContract(client!, { address: token!, abi: erc20Abi, functionName: "balanceOf", args: [account!] }),
  });
}
