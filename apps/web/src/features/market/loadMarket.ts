import { readAllDeals, readAllOffers, readDeals, readOffers, type DealWithId, type Deployment, type OfferWithId } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { loadTokenMap, type TokenMap } from "@/features/tokens/registry";

/** Everything the market, "my trades" and the arbiter view show: the whole book of both escrows. */
export type Market = { offers: OfferWithId[]; deals: DealWithId[]; tokens: TokenMap };

function tokensOf(offers: readonly OfferWithId[], deals: readonly DealWithId[]): Address[] {
  return [...offers.flatMap((o) => [o.sellToken, o.buyToken]), ...deals.map((d) => d.token)];
}

/**
 * Loads every offer and deal plus the symbols/decimals of every token they use, in a constant
 * number of round trips whatever the size of the book: both counts, then the multicall chunks of
 * both escrows in parallel, then one multicall for unknown tokens. With the transport's JSON-RPC
 * batching that is three HTTP requests.
 */
export async function loadMarket(client: Client, deployment: Deployment, known: TokenMap): Promise<Market> {
  const [offers, deals] = await Promise.all([
    readAllOffers(client, deployment.swapEscrow.address),
    readAllDeals(client, deployment.dealEscrow.address),
  ]);
  const tokens = await loadTokenMap(client, tokensOf(offers, deals), known);
  return { offers, deals, tokens };
}

/** Replaces or appends entries by id, keeping the list ordered by id. */
function upsert<T extends { id: bigint }>(list: readonly T[], fresh: readonly T[]): T[] {
  if (fresh.length === 0) return [...list];
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const x of fresh) byId.set(x.id, x);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type MarketChanges = { offers: OfferWithId[]; deals: DealWithId[]; tokens: TokenMap };

/**
 * Re-reads just the offers and deals a set of events touched (one multicall each), so the
 * book stays current without reloading it on every block.
 */
export async function loadMarketChanges(
  client: Client,
  deployment: Deployment,
  changed: { offerIds?: readonly bigint[]; dealIds?: readonly bigint[] },
  known: TokenMap,
): Promise<MarketChanges> {
  const offerIds = [...new Set(changed.offerIds ?? [])];
  const dealIds = [...new Set(changed.dealIds ?? [])];
  const [offers, deals] = await Promise.all([
    offerIds.length ? readOffers(client, deployment.swapEscrow.address, offerIds) : [],
    dealIds.length ? readDeals(client, deployment.dealEscrow.address, dealIds) : [],
  ]);
  const tokens = await loadTokenMap(client, tokensOf(offers, deals), known);
  return { offers, deals, tokens };
}

/** Merges changes into the latest cached market (pure, for `setQueryData`). */
export function mergeMarket(market: Market, changes: MarketChanges): Market {
  return {
    offers: upsert(market.offers, changes.offers),
    deals: upsert(market.deals, changes.deals),
    tokens: { ...market.tokens, ...changes.tokens },
  };
}
