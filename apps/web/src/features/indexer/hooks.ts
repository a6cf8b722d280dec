"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { appIndexerUrl, MAX_INDEXER_LAG_BLOCKS } from "@/config/indexer";
import { appChainId } from "@/config/chain";
import { type DealQuery, fetchDeals, fetchOffers, fetchStatus, fetchTrades, type OfferQuery, type TradeRole } from "./api";
import { createFailureCounter, indexerPollDelay } from "./pollDelay";
import { createReputationBatcher } from "./reputationBatch";

// Outside queryKeys.root on purpose: the node's recovery re-reads the app's chain queries, not these.
export const indexerRoot = ["peerlock-indexer", appChainId] as const;
const root = indexerRoot;
// Every poll of the tab backs off together while the indexer does not answer.
const failures = createFailureCounter();
/** refetchInterval for indexer queries: 4 s, backing off exponentially to a minute while it is down. */
export const nextIndexerPoll = () => indexerPollDelay(failures.failures());

export type IndexerHealth = "off" | "checking" | "ok" | "behind" | "down";

/** Whether lists can come from the indexer: configured, answering, and at most a few blocks behind. */
export function useIndexerHealth(): { health: IndexerHealth; lagBlocks: bigint | null } {
  const status = useQuery({
    queryKey: [...root, "status"],
    queryFn: ({ signal }) => failures.track(() => fetchStatus(appIndexerUrl!, signal)),
    enabled: !!appIndexerUrl,
    refetchInterval: nextIndexerPoll,
    retry: false,
  });
  if (!appIndexerUrl) return { health: "off", lagBlocks: null };
  // The last answer decides, not the state of the poll in flight: a query that never had data
  // goes back to "pending" on every retry, which would make the banner and the market flicker.
  if (status.errorUpdatedAt > status.dataUpdatedAt) return { health: "down", lagBlocks: null };
  if (!status.data) return { health: "checking", lagBlocks: null };
  const lag = status.data.lagBlocks;
  const behind = status.data.chainId !== appChainId || lag === null || lag > BigInt(MAX_INDEXER_LAG_BLOCKS);
  return { health: behind ? "behind" : "ok", lagBlocks: lag };
}

export function useIndexedOffers(q: Omit<OfferQuery, "cursor">, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...root, "offers", q],
    queryFn: ({ pageParam, signal }) => failures.track(() => fetchOffers(appIndexerUrl!, { ...q, cursor: pageParam }, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && !!appIndexerUrl,
    refetchInterval: nextIndexerPoll,
  });
}

export function useIndexedDeals(q: Omit<DealQuery, "cursor">, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...root, "deals", q],
    queryFn: ({ pageParam, signal }) => failures.track(() => fetchDeals(appIndexerUrl!, { ...q, cursor: pageParam }, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && !!appIndexerUrl,
    refetchInterval: nextIndexerPoll,
  });
}

export function useAddressTrades(account: Address | undefined, role: TradeRole, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...root, "trades", account?.toLowerCase(), role],
    queryFn: ({ pageParam, signal }) => fetchTrades(appIndexerUrl!, account!, role, 20, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && !!account && !!appIndexerUrl,
  });
}

const reputationOf = appIndexerUrl ? createReputationBatcher(appIndexerUrl) : undefined;

/** One address's reputation; rows asking in the same tick share one request. */
export function useReputation(address: string | undefined) {
  return useQuery({
    queryKey: [...root, "reputation", address?.toLowerCase()],
    queryFn: () => reputationOf!(address!),
    enabled: !!address && !!reputationOf,
    staleTime: 15_000,
    retry: false,
  });
}
