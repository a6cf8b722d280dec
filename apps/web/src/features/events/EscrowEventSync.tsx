"use client";

import { dealEscrowAbi, swapEscrowAbi } from "@peerlock/sdk";
import { useQueryClient } from "@tanstack/react-query";
import { useConnection, useWatchContractEvent } from "wagmi";
import { appChain } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import { useApplyMarketChanges } from "@/features/market/hooks";
import { reportNodeError } from "@/features/node/nodeHealth";
import { queryKeys } from "@/lib/queryKeys";

type AnyLog = { args: Record<string, unknown> };

function idsOf(logs: readonly AnyLog[], field: "offerId" | "dealId"): bigint[] {
  return [...new Set(logs.map((l) => l.args[field]).filter((id): id is bigint => typeof id === "bigint"))];
}

/**
 * Keeps every open page current when anyone trades: new escrow events re-read only the offers
 * and deals they name (one multicall) and refresh those ids' detail and history queries.
 * Nothing is refetched on blocks without Peerlock events.
 */
export function EscrowEventSync() {
  const queryClient = useQueryClient();
  const applyMarketChanges = useApplyMarketChanges();
  const { address } = useConnection();

  function afterLogs(logs: readonly AnyLog[], field: "offerId" | "dealId") {
    const ids = idsOf(logs, field);
    if (ids.length === 0) return;
    void applyMarketChanges(field === "offerId" ? { offerIds: ids } : { dealIds: ids }).catch(() => undefined);
    for (const id of ids) {
      const [detail, history] = field === "offerId" ? [queryKeys.offer(id), queryKeys.offerHistory(id)] : [queryKeys.deal(id), queryKeys.dealHistory(id)];
      void queryClient.invalidateQueries({ queryKey: detail });
      void queryClient.invalidateQueries({ queryKey: history });
    }
    // Someone filling my offer or resolving my deal moves my tokens.
    if (address) void queryClient.invalidateQueries({ queryKey: queryKeys.balances(address) });
    if (address && field === "offerId") void queryClient.invalidateQueries({ queryKey: queryKeys.fillsBy(address) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.chainTime() });
  }

  useWatchContractEvent({
    chainId: appChain.id,
    address: appDeployment?.swapEscrow.address,
    abi: swapEscrowAbi,
    enabled: !!appDeployment,
    // A watcher that fails tells NodeStatus the node is gone. It keeps running through an outage on
    // purpose: stopping it while the node is down leaks its poller (viem's cleanup awaits
    // eth_uninstallFilter, which throws before the poll loop is stopped).
    onError: reportNodeError,
    onLogs: (logs) => afterLogs(logs as unknown as AnyLog[], "offerId"),
  });
  useWatchContractEvent({
    chainId: appChain.id,
    address: appDeployment?.dealEscrow.address,
    abi: dealEscrowAbi,
    enabled: !!appDeployment,
    onError: reportNodeError,
    onLogs: (logs) => afterLogs(logs as unknown as AnyLog[], "dealId"),
  });
  return null;
}
