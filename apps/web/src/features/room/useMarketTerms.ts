"use client";

import type { DealWithId } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { termsSummary, viewRoomTerms } from "./roomTerms";

export type MarketTerms = Map<string, { price: string; method: string }>;

/**
 * Price and payment method of listed deals, from the room server, each re-checked here against
 * the deal's on-chain termsHash: a deal whose server terms do not match shows none.
 */
export function useMarketTerms(deals: readonly DealWithId[]): MarketTerms {
  const ids = deals.map((d) => d.id).slice(0, 500);
  const query = useQuery({
    queryKey: roomKeys.termsOf(ids),
    queryFn: () => roomApi.termsOf(ids),
    enabled: ids.length > 0,
    staleTime: 15_000,
    retry: false,
  });
  const map: MarketTerms = new Map();
  for (const record of query.data?.terms ?? []) {
    const deal = deals.find((d) => d.id.toString() === record.dealId);
    const summary = deal && termsSummary(viewRoomTerms(null, deal.termsHash, record));
    if (summary) map.set(record.dealId, summary);
  }
  return map;
}
