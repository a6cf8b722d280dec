"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getBlock } from "viem/actions";
import { useClient } from "wagmi";
import { type ChainClock, chainNow } from "@/lib/chainClock";
import { queryKeys } from "@/lib/queryKeys";
import { useNow } from "./useNow";

/**
 * "Now" as the contracts see it. The clock is read from the `pending` block, the one the next
 * transaction runs in: on a dev chain whose time was moved (evm_increaseTime) without mining, the
 * latest block still shows the old time, the pending one the new time. Nodes that do not serve
 * `pending` fall back to `latest`. Read again after each receipt and each revert; a revert that
 * proves a time (see TxPlan.clockProofs) moves the clock at once.
 * Returns undefined until both are known, so nothing is judged expired on a guess.
 */
export function useChainNow(): bigint | undefined {
  const client = useClient();
  const queryClient = useQueryClient();
  const wall = useNow();
  const { data } = useQuery({
    queryKey: queryKeys.chainTime(),
    queryFn: async (): Promise<ChainClock> => {
      const block = await getBlock(client!, { blockTag: "pending" }).catch(() => getBlock(client!, { blockTag: "latest" }));
      const provenAt = queryClient.getQueryData<ChainClock>(queryKeys.chainTime())?.provenAt;
      return { blockTime: Number(block.timestamp), readAt: Math.floor(Date.now() / 1000), provenAt };
    },
    enabled: !!client,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
  if (wall === 0 || !data) return undefined;
  return BigInt(chainNow(data, wall));
}
