"use client";

import { useQuery, useQueryClient, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import type { Client } from "viem";
import { useClient } from "wagmi";
import { appDeployment } from "@/config/deployment";
import type { HistoryEntry } from "@/features/events/history";
import type { Market } from "@/features/marketData/loadMarket";
import { queryKeys } from "@/lib/queryKeys";

/** How to read one kind of trade (offer or deal) by its id. */
type TradeReader<T> = {
  queryKey: (id: bigint) => QueryKey;
  read: (client: Client, id: bigint) => Promise<T | undefined>;
  /** An id the escrow never handed out reads back as an empty trade (status None). */
  exists: (trade: T) => boolean;
  /** Where the cached market keeps this kind of trade. */
  inMarket: (market: Market) => readonly T[];
};

/**
 * TanStack types a placeholder as "T unless T is a function" (a function would be called instead),
 * which TypeScript cannot decide for a generic T; a trade is a plain object, hence the cast below.
 */
type TradeQueryOptions<T> = UseQueryOptions<T | null, Error, T | null>;

/**
 * One offer or deal, read directly (a shared link must not wait for the whole book); null when it
 * does not exist. What the market already knows is shown while the fresh read is on its way.
 */
export function useTradeById<T extends { id: bigint }>(id: bigint | null, reader: TradeReader<T>) {
  const client = useClient();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: reader.queryKey(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: async (): Promise<T | null> => {
      const trade = await reader.read(client!, id!);
      return trade && reader.exists(trade) ? trade : null;
    },
    placeholderData: (() => {
      const market = queryClient.getQueryData<Market>(queryKeys.market());
      return market ? reader.inMarket(market).find((t) => t.id === id) : undefined;
    }) as TradeQueryOptions<T>["placeholderData"],
  });
}

/** Every event of one offer or deal, oldest first. */
export function useTradeHistory(
  id: bigint | null,
  queryKey: (id: bigint) => QueryKey,
  load: (client: Client, id: bigint) => Promise<HistoryEntry[]>,
) {
  const client = useClient();
  return useQuery({
    queryKey: queryKey(id ?? 0n),
    enabled: !!client && !!appDeployment && id !== null,
    queryFn: () => load(client!, id!),
  });
}
