"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useClient } from "wagmi";
import { appDeployment, knownTokens } from "@/config/deployment";
import { tokenMapOf } from "@/features/tokens/registry";
import { queryKeys } from "@/lib/queryKeys";
import { loadMarket, loadOlderMarket, mergeMarket, type Market } from "./loadMarket";

const knownTokenMap = tokenMapOf(knownTokens);

/**
 * The chain fallback's book: the newest page of offers and deals (and their tokens), older
 * pages on request (useLoadOlderMarket). After that contract events and the app's own
 * receipts patch just the ids they touched (applyChanges.ts, registered by MarketChanges).
 */
export function useMarket(enabled = true) {
  const client = useClient();
  return useQuery({
    queryKey: queryKeys.market(),
    queryFn: () => loadMarket(client!, appDeployment!, knownTokenMap),
    enabled: enabled && !!client && !!appDeployment,
    staleTime: 60_000,
  });
}

/** Reads the next older page of offers and deals into the cached market. */
export function useLoadOlderMarket() {
  const client = useClient();
  const queryClient = useQueryClient();
  return useCallback(async () => {
    const key = queryKeys.market();
    const current = queryClient.getQueryData<Market>(key);
    if (!client || !appDeployment || !current) return;
    const older = await loadOlderMarket(client, appDeployment, current);
    queryClient.setQueryData<Market>(key, (latest) =>
      latest ? { ...mergeMarket(latest, older), offersFrom: older.offersFrom, dealsFrom: older.dealsFrom } : latest,
    );
  }, [client, queryClient]);
}
