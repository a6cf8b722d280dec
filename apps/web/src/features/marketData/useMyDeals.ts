"use client";

import type { DealWithId } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { appIndexerUrl } from "@/config/indexer";
import { fetchTrades } from "@/features/indexer/api";
import { indexerRoot, nextIndexerPoll, useIndexerHealth } from "@/features/indexer/hooks";

const roles = ["seller", "buyer", "arbiter"] as const;

/**
 * The deals the account is a party to (seller, buyer or arbiter), the newest 100 per role, from
 * the indexer: three requests whatever the size of the book. Undefined while the indexer is not
 * up and in step; every page has this, so it never falls back to reading the whole book.
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
  return { deals: account && fromIndex ? indexed.data : undefined };
}
