"use client";

import { useQuery } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import { queryKeys } from "@/lib/queryKeys";
import { useNow } from "./useNow";

/**
 * "Now" as the contracts see it. A dev chain can run ahead of the wall clock (time travel in
 * tests), so the latest block's timestamp wins when it is later. Read again after each receipt.
 * Returns undefined until both are known, so nothing is judged expired on a guess.
 */
export function useChainNow(): bigint | undefined {
  const client = usePublicClient();
  const wall = useNow();
  const { data } = useQuery({
    queryKey: queryKeys.chainTime(),
    queryFn: async () => {
      const block = await client!.getBlock({ blockTag: "latest" });
      return { blockTime: Number(block.timestamp), readAt: Math.floor(Date.now() / 1000) };
    },
    enabled: !!client,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  if (wall === 0 || !data) return undefined;
  const ahead = Math.max(0, data.blockTime - data.readAt);
  return BigInt(wall + ahead);
}
