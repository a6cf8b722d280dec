"use client";

import type { SignedOrderWithSignature } from "@peerlock/sdk";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { useClient } from "wagmi";
import { knownTokens } from "@/config/deployment";
import { loadTokenMap, tokenMapOf } from "@/features/tokens/registry";
import { queryKeys } from "@/lib/queryKeys";
import { fetchSignedOrders, postSignedOrder, type SignedOrdersFilter } from "./bookApi";

const knownTokenMap = tokenMapOf(knownTokens);

export const orderbookKeys = {
  all: () => [...queryKeys.root, "signedOrders"] as const,
  list: (f: SignedOrdersFilter) =>
    [...queryKeys.root, "signedOrders", f.sellToken ?? "", f.buyToken ?? "", f.maker ?? "", f.sort ?? "newest"] as const,
  tokens: (addresses: readonly string[]) => [...queryKeys.root, "signedOrderTokens", ...addresses] as const,
};

/**
 * Open signed offers from the order book, a page at a time (the server filters, sorts and prunes
 * filled, cancelled and unfillable ones). Refreshed every 15 s, when the server also syncs.
 */
export function useSignedOrders(filter: SignedOrdersFilter) {
  return useInfiniteQuery({
    queryKey: orderbookKeys.list(filter),
    queryFn: ({ pageParam }) => fetchSignedOrders({ limit: 50, ...filter }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
}

/** Symbols and decimals for tokens the deployment does not list (one multicall for the missing ones). */
export function useOrderTokens(addresses: readonly Address[]) {
  const client = useClient();
  const missing = [...new Set(addresses.map((a) => a.toLowerCase()))].filter((a) => !knownTokenMap[a]).sort();
  return useQuery({
    queryKey: orderbookKeys.tokens(missing),
    queryFn: () => loadTokenMap(client!, missing as Address[], knownTokenMap),
    enabled: !!client && missing.length > 0,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

/**
 * Posts a freshly signed order to the book (the signing screen calls `mutateAsync(signed)` after
 * the wallet signs). The share link works without the book; a refusal comes back as an
 * OrderbookError whose message says why in words.
 */
export function usePostSignedOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (signed: SignedOrderWithSignature) => postSignedOrder(signed),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orderbookKeys.all() }),
  });
}
