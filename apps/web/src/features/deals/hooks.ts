"use client";

import { DealStatus, readDeals, type DealWithId } from "@peerlock/sdk";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useClient } from "wagmi";
import { appDeployment } from "@/config/deployment";
import { loadDealHistory } from "@/features/events/history";
import type { Market } from "@/features/market/loadMarket";
import { queryKeys } from "@/lib/queryKeys";

/** One deal, read directly for shared links; null when it does not exist. */
export function useDeal(id: bigint | null) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: queryKeys.deal(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: async (): Promise<DealWithId | null> => {
      const [deal] = await readDeals(client!, appDeployment!.dealEscrow.address, [id!]);
      return deal && deal.status !== DealStatus.None ? deal : null;
    },
    placeholderData: () => queryClient.getQueryData<Market>(queryKeys.market())?.deals.find((d) => d.id === id),
  });
}

export function useDealHistory(id: bigint | null) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.dealHistory(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: () => loadDealHistory(client!, appDeployment!.dealEscrow.address, id!, appDeployment!.dealEscrow.deployedOnBlock),
  });
}
