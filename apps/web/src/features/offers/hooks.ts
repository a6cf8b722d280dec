"use client";

import { OfferStatus, readOffers, swapEscrowAbi } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import { getBlockNumber, getContractEvents } from "viem/actions";
import { useClient } from "wagmi";
import { appDeployment } from "@/config/deployment";
import { loadOfferHistory } from "@/features/events/history";
import { historyPreferringIndexer } from "@/features/indexer/history";
import { useTradeById, useTradeHistory } from "@/features/trades/queries";
import { queryKeys } from "@/lib/queryKeys";

/** One offer, read directly (a shared link must not wait for the whole book); null when it does not exist. */
export function useOffer(id: bigint | null) {
  return useTradeById(id, {
    queryKey: queryKeys.offer,
    read: async (client, id) => (await readOffers(client, appDeployment!.swapEscrow.address, [id]))[0],
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
      () => loadOfferHistory(client, escrow!.address, id, escrow!.deployedOnBlock),
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
