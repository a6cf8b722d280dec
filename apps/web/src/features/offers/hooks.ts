"use client";

import { OfferStatus, swapEscrowAbi } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { useClient } from "wagmi";
import { appDeployment } from "@/config/deployment";
import { historyPreferringIndexer } from "@/features/indexer/history";
import { useTradeById, useTradeHistory } from "@/features/trades/queries";
import { queryKeys } from "@/lib/queryKeys";
import { readOfferById, readOfferHistory } from "./pageReads";

/** One offer, read directly (a shared link must not wait for the whole book); null when it does not exist. */
export function useOffer(id: bigint | null) {
  return useTradeById(id, {
    queryKey: queryKeys.offer,
    read: (client, id) => readOfferById(client, appDeployment!.swapEscrow.address, id),
    exists: (offer) => offer.status !== OfferStatus.None,
    inMarket: (market) => market.offers,
  });
}

export function useOfferHistory(id: bigint | null) {
  const escrow = appDeployment?.swapEscrow;
  return useTradeHistory(id, queryKeys.offerHistory, (client, id) =>
    historyPreferringIndexer(
      "offer",
      id,
      () => getBlockNumber(client, { cacheTime: 0 }),
      () => readOfferHistory(client, escrow!, id),
    ),
  );
}

/** Ids of offers this account has filled (from OfferFilled logs, indexed by taker): one request. */
export function useFillsBy(account: Address | undefined) {
  const client = useClient();
  return useQuery({
    queryKey: account ? queryKeys.fillsBy(account) : [...queryKeys.root, "fillsBy", "none"],
    enabled: !!client && !!appDeployment && !!account,
    queryFn: async () => {
      const logs = await getContractEvents(client!, {
        address: appDeployment!.swapEscrow.address,
        abi: swapEscrowAbi,
        eventName: "OfferFilled",
        args: { taker: account! },
        fromBlock: appDeployment!.swapEscrow.deployedOnBlock,
      });
      return [...new Set(logs.map((l) => l.args.offerId).filter((x): x is bigint => x !== undefined))];
    },
  });
}
