"use client";

import { OfferStatus, readOffers, swapEscrowAbi, type OfferWithId } from "@peerlock/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Address } from "viem";
import { getContractEvents } from "viem/actions";
import { useClient } from "wagmi";
import { appDeployment } from "@/config/deployment";
import { loadOfferHistory } from "@/features/events/history";
import type { Market } from "@/features/market/loadMarket";
import { queryKeys } from "@/lib/queryKeys";

/** One offer, read directly (a shared link must not wait for the whole book); null when it does not exist. */
export function useOffer(id: bigint | null) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.offer(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: async (): Promise<OfferWithId | null> => {
      const [offer] = await readOffers(client!, appDeployment!.swapEscrow.address, [id!]);
      return offer && offer.status !== OfferStatus.None ? offer : null;
    },
    // Show what the market already knows while the fresh read is on its way.
    placeholderData: () => queryClient.getQueryData<Market>(queryKeys.market())?.offers.find((o) => o.id === id),
  });
}

export function useOfferHistory(id: bigint | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.offerHistory(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: () => loadOfferHistory(client!, appDeployment!.swapEscrow.address, id!, appDeployment!.swapEscrow.deployedOnBlock),
  });
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
