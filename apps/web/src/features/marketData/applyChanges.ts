import type { QueryClient } from "@tanstack/react-query";
import type { Client } from "viem";
import { appDeployment } from "@/config/deployment";
import type { Changed } from "@/features/tx/chainChanges";
import { queryKeys } from "@/lib/queryKeys";
import { loadMarketChanges, type Market, mergeMarket } from "./loadMarket";

/** Re-reads the given offers/deals and merges them into the cached market, if one is loaded. */
export async function applyMarketChanges(client: Client | undefined, queryClient: QueryClient, changed: Changed): Promise<void> {
  const key = queryKeys.market();
  const current = queryClient.getQueryData<Market>(key);
  if (!client || !appDeployment || !current) return;
  if (!changed.offerIds?.length && !changed.dealIds?.length) return;
  const changes = await loadMarketChanges(client, appDeployment, changed, current.tokens);
  queryClient.setQueryData<Market>(key, (latest) => (latest ? mergeMarket(latest, changes) : latest));
}
