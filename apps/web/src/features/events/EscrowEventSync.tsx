"use client";

import { dealEscrowAbi, swapEscrowAbi } from "@peerlock/sdk";
import { useQueryClient } from "@tanstack/react-query";
import type { Abi, Address } from "viem";
import { useConnection, useWatchContractEvent } from "wagmi";
import { appChain } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import { useApplyChanges } from "@/features/tx/chainChanges";
import { reportNodeError } from "@/features/node/nodeHealth";
import { queryKeys } from "@/lib/queryKeys";

type AnyLog = { args: Record<string, unknown> };

function idsOf(logs: readonly AnyLog[], field: "offerId" | "dealId"): bigint[] {
  return [...new Set(logs.map((l) => l.args[field]).filter((id): id is bigint => typeof id === "bigint"))];
}

/** Every new event of one escrow (none when Peerlock is not deployed on this chain). */
function useEscrowEvents(address: Address | undefined, abi: Abi, onLogs: (logs: readonly AnyLog[]) => void) {
  useWatchContractEvent({
    chainId: appChain.id,
    address,
    abi,
    enabled: !!address,
    // A watcher that fails tells NodeStatus the node is gone. It keeps running through an outage on
    // purpose: stopping it while the node is down leaks its poller (viem's cleanup awaits
    // eth_uninstallFilter, which throws before the poll loop is stopped).
    onError: reportNodeError,
    onLogs: (logs) => onLogs(logs as unknown as AnyLog[]),
  });
}

/**
 * Keeps every open page current when anyone trades: new escrow events re-read only the offers
 * and deals they name (one multicall) and refresh those ids' detail and history queries.
 * Nothing is refetched on blocks without Peerlock events.
 */
export function EscrowEventSync() {
  const queryClient = useQueryClient();
  const applyMarketChanges = useApplyChanges();
  const { address } = useConnection();

  function afterLogs(logs: readonly AnyLog[], field: "offerId" | "dealId") {
    const ids = idsOf(logs, field);
    if (ids.length === 0) return;
    void applyMarketChanges(field === "offerId" ? { offerIds: ids } : { dealIds: ids }).catch(() => undefined);
    for (const id of ids) {
      const [detail, history] =
        field === "offerId" ? [queryKeys.offer(id), queryKeys.offerHistory(id)] : [queryKeys.deal(id), queryKeys.dealHistory(id)];
      void queryClient.invalidateQueries({ queryKey: detail });
      void queryClient.invalidateQueries({ queryKey: history });
    }
    // Someone filling my offer or resolving my deal moves my tokens.
    if (address) void queryClient.invalidateQueries({ queryKey: queryKeys.balances(address) });
    if (address && field === "offerId") void queryClient.invalidateQueries({ queryKey: queryKeys.fillsBy(address) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.chainTime() });
  }

  useEscrowEvents(appDeployment?.swapEscrow.address, swapEscrowAbi, (logs) => afterLogs(logs, "offerId"));
  useEscrowEvents(appDeployment?.dealEscrow.address, dealEscrowAbi, (logs) => afterLogs(logs, "dealId"));
  return null;
}
