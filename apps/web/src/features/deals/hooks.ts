"use client";

import { DealStatus } from "@peerlock/sdk";
import { getBlockNumber } from "viem/actions";
import { appDeployment } from "@/config/deployment";
import { historyPreferringIndexer } from "@/features/indexer/history";
import { useTradeById, useTradeHistory } from "@/features/trades/queries";
import { queryKeys } from "@/lib/queryKeys";
import { readDealById, readDealHistory } from "./pageReads";

/** One deal, read directly for shared links; null when it does not exist. */
export function useDeal(id: bigint | null) {
  return useTradeById(id, {
    queryKey: queryKeys.deal,
    read: (client, id) => readDealById(client, appDeployment!.dealEscrow.address, id),
    exists: (deal) => deal.status !== DealStatus.None,
    inMarket: (market) => market.deals,
  });
}

export function useDealHistory(id: bigint | null) {
  const escrow = appDeployment?.dealEscrow;
  return useTradeHistory(id, queryKeys.dealHistory, (client, id) =>
    historyPreferringIndexer(
      "deal",
      id,
      () => getBlockNumber(client, { cacheTime: 0 }),
      () => readDealHistory(client, escrow!, id),
    ),
  );
}
