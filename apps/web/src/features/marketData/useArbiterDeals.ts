"use client";

import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { appIndexerUrl } from "@/config/indexer";
import { knownTokens } from "@/config/deployment";
import { useMarket } from "./hooks";
import { tokenMapOf } from "@/features/tokens/registry";
import { sameAddress } from "@/lib/address";
import { fetchTrades } from "@/features/indexer/api";
import { indexerRoot, nextIndexerPoll, useIndexerHealth } from "@/features/indexer/hooks";

const knownTokenMap = tokenMapOf(knownTokens);

/**
 * The deals an arbiter sees: from the indexer (its newest 100) when it is up and in step, else
 * from the whole book on chain. Same shape either way, so the arbiter view does not care.
 */
export function useArbiterDeals(account: Address | undefined) {
  const { health } = useIndexerHealth();
  const fromIndex = health === "ok";
  const indexed = useQuery({
    queryKey: [...indexerRoot, "arbiterDeals", account?.toLowerCase()],
    queryFn: ({ signal }) => fetchTrades(appIndexerUrl!, account!, "arbiter", 100, undefined, signal),
    enabled: fromIndex && !!account,
    refetchInterval: nextIndexerPoll,
  });
  const chain = useMarket(!fromIndex && health !== "checking");
  const source = fromIndex ? indexed : chain;
  const data = fromIndex
    ? indexed.data && { deals: indexed.data.deals, tokens: { ...knownTokenMap, ...indexed.data.tokens } }
    : chain.data && { deals: chain.data.deals.filter((d) => sameAddress(d.arbiter, account)), tokens: chain.data.tokens };
  return { data, isLoading: health === "checking" || source.isLoading, error: source.error, refetch: () => void source.refetch() };
}
