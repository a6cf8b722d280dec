"use client";

import type { DealWithId } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { appIndexerUrl } from "@/config/indexer";
import { useMarket } from "@/features/market/hooks";
import { sameAddress } from "@/lib/address";
import { fetchTrades } from "./api";
import { indexerRoot, nextIndexerPoll, useIndexerHealth } from "./hooks";

const roles = ["seller", "buyer", "arbiter"] as const;

/**
 * The deals the account is a party to (seller, buyer or arbiter): from the indexer (the newest
 * 100 per role) when it is up and in step, else from the whole book on chain.
 */
export function useMyDeals(account: Address | undefined): { deals: readonly DealWithId[] | undefined } {
  const { health } = useIndexerHealth();
  const fromIndex = health === "ok";
  const indexed = useQuery({
    queryKey: [...indexerRoot, "myDeals", account?.toLowerCase()],
    queryFn: async ({ signal }) =>
      (await Promise.all(roles.map((role) => fetchTrades(appIndexerUrl!, account!, role, 100, undefined, signal)))).flatMap((r) => r.deals),
    enabled: fromIndex && !!account,
    refetchInterval: nextIndexerPoll,
  });
  const chain = useMarket(!fromIndex && health !== "checking" && !!account);
  if (!account) return { deals: undefined };
  if (fromIndex) return { deals: indexed.data };
  return {
    deals: chain.data?.deals.filter((d) => sameAddress(d.seller, account) || sameAddress(d.buyer, account) || sameAddress(d.arbiter, account)),
  };
}
