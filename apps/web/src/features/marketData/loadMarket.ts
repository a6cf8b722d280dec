import { dealEscrowAbi, readDeals, readOffers, swapEscrowAbi, type DealWithId, type Deployment, type OfferWithId } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { loadTokenMap, type TokenMap } from "@/features/tokens/registry";

/** Offers (and deals) the chain fallback reads per page: the newest first, older on request. */
export const MARKET_CHAIN_PAGE = 200n;

/**
 * What the market and "my trades" show when the indexer cannot answer: the newest pages of
 * both escrows, read from the chain. `offersFrom`/`dealsFrom` is the lowest id loaded (1 when
 * everything is; the count + 1 when the escrow is empty).
 */
export type Market = { offers: OfferWithId[]; deals: DealWithId[]; tokens: TokenMap; offersFrom: bigint; dealsFrom: bigint };

/** Ids `from`..`to` (inclusive), newest last. */
function ids(from: bigint, to: bigint): bigint[] {
  const list: bigint[] = [];
  for (let id = from; id <= to; id++) list.push(id);
  return list;
}

const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** True when older offers or deals exist than the ones loaded. */
export function hasOlder(market: Market): boolean {
  return market.offersFrom > 1n || market.dealsFrom > 1n;
}

function tokensOf(offers: readonly OfferWithId[], deals: readonly DealWithId[]): Address[] {
  return [...offers.flatMap((o) => [o.sellToken, o.buyToken]), ...deals.map((d) => d.token)];
}

/**
 * Loads the newest page of offers and of deals plus the symbols/decimals of the tokens they use:
 * both counts, then one multicall per escrow, then one for unknown tokens. Its cost does not
 * grow with the book; older pages come from loadOlderMarket.
 */
export async function loadMarket(client: Client, deployment: Deployment, known: TokenMap, page = MARKET_CHAIN_PAGE): Promise<Market> {
  const [offerCount, dealCount] = await Promise.all([
    readContract(client, { address: deployment.swapEscrow.address, abi: swapEscrowAbi, functionName: "offerCount" }),
    readContract(client, { address: deployment.dealEscrow.address, abi: dealEscrowAbi, functionName: "dealCount" }),
  ]);
  const offersFrom = max(1n, offerCount - page + 1n);
  const dealsFrom = max(1n, dealCount - page + 1n);
  const [offers, deals] = await Promise.all([
    readOffers(client, deployment.swapEscrow.address, ids(offersFrom, offerCount)),
    readDeals(client, deployment.dealEscrow.address, ids(dealsFrom, dealCount)),
  ]);
  const tokens = await loadTokenMap(client, tokensOf(offers, deals), known);
  return { offers, deals, tokens, offersFrom: offerCount === 0n ? 1n : offersFrom, dealsFrom: dealCount === 0n ? 1n : dealsFrom };
}

/** The page of offers and deals just older than the ones `market` holds, merged into it. */
export async function loadOlderMarket(client: Client, deployment: Deployment, market: Market, page = MARKET_CHAIN_PAGE): Promise<Market> {
  const offersFrom = max(1n, market.offersFrom - page);
  const dealsFrom = max(1n, market.dealsFrom - page);
  const [offers, deals] = await Promise.all([
    readOffers(client, deployment.swapEscrow.address, ids(offersFrom, market.offersFrom - 1n)),
    readDeals(client, deployment.dealEscrow.address, ids(dealsFrom, market.dealsFrom - 1n)),
  ]);
  const tokens = await loadTokenMap(client, tokensOf(offers, deals), market.tokens);
  return { ...mergeMarket(market, { offers, deals, tokens }), offersFrom, dealsFrom };
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
    ...market,
    offers: upsert(market.offers, changes.offers),
    deals: upsert(market.deals, changes.deals),
    tokens: { ...market.tokens, ...changes.tokens },
  };
}
