// The indexer's read API (apps/indexer), typed. Amounts and ids arrive as decimal strings and
// become bigints here, in the same shapes the chain reads give (OfferWithId, DealWithId), so
// the tables render either source.
import type { DealWithId, OfferWithId, Reputation, TokenInfo } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import type { TokenMap } from "@/features/tokens/registry";

export type IndexerStatus = { chainId: number; indexedBlock: bigint | null; headBlock: bigint | null; lagBlocks: bigint | null };

export type { Reputation };

export type Page<T> = { items: T[]; nextCursor: string | null; tokens: TokenMap };

type Raw = Record<string, unknown>;
const big = (v: unknown) => BigInt(String(v));
const optBig = (v: unknown) => (v === null || v === undefined ? null : BigInt(String(v)));

export function offerFromApi(o: Raw): OfferWithId {
  return {
    id: big(o.offerId),
    maker: o.maker as Address,
    taker: o.taker as Address,
    sellToken: o.sellToken as Address,
    buyToken: o.buyToken as Address,
    sellAmount: big(o.sellAmount),
    buyAmount: big(o.buyAmount),
    sellRemaining: big(o.sellRemaining),
    expiry: big(o.expiry),
    partialFills: Boolean(o.partialFills),
    status: Number(o.status),
  } as OfferWithId;
}

export function dealFromApi(d: Raw): DealWithId {
  return {
    id: big(d.dealId),
    seller: d.seller as Address,
    buyer: d.buyer as Address,
    token: d.token as Address,
    arbiter: d.arbiter as Address,
    amount: big(d.amount),
    arbiterFeeBps: Number(d.arbiterFeeBps),
    paymentWindow: Number(d.paymentWindow),
    paymentDeadline: big(d.paymentDeadline),
    status: Number(d.status),
    termsHash: d.termsHash as Hex,
  } as DealWithId;
}

/** Token metadata the indexer sends with a page; tokens whose calls reverted are left out (the app shows them as unknown). */
export function tokensFromApi(raw: Record<string, { symbol: string | null; name: string | null; decimals: number | null }> | undefined): TokenMap {
  const map: Record<string, TokenInfo> = {};
  for (const [address, t] of Object.entries(raw ?? {})) {
    if (t.symbol === null || t.decimals === null) continue;
    map[address.toLowerCase()] = { address: address as Address, symbol: t.symbol, name: t.name ?? t.symbol, decimals: t.decimals };
  }
  return map;
}

export class IndexerError extends Error {}

/** GETs `path` from the indexer; a non-2xx answer becomes an IndexerError with its message. */
export async function getJson<T = Raw>(
  baseUrl: string,
  path: string,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
  const url = `${baseUrl}${path}${query.size ? `?${query}` : ""}`;
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new IndexerError(body.error ?? `The indexer answered ${res.status}`);
  return body as T;
}

export async function fetchStatus(baseUrl: string, signal?: AbortSignal): Promise<IndexerStatus> {
  const s = await getJson(baseUrl, "/api/status", {}, signal);
  return { chainId: Number(s.chainId), indexedBlock: optBig(s.indexedBlock), headBlock: optBig(s.headBlock), lagBlocks: optBig(s.lagBlocks) };
}

export type OfferQuery = { sellToken?: string; buyToken?: string; sort: "newest" | "priceAsc" | "priceDesc"; limit: number; cursor?: string };
export type DealQuery = { token?: string; limit: number; cursor?: string };

export async function fetchOffers(baseUrl: string, q: OfferQuery, signal?: AbortSignal): Promise<Page<OfferWithId>> {
  const body = await getJson<{ items: Raw[]; nextCursor: string | null; tokens: never }>(
    baseUrl,
    "/api/offers",
    { sellToken: q.sellToken, buyToken: q.buyToken, sort: q.sort, limit: String(q.limit), cursor: q.cursor },
    signal,
  );
  return { items: body.items.map(offerFromApi), nextCursor: body.nextCursor, tokens: tokensFromApi(body.tokens) };
}

export async function fetchDeals(baseUrl: string, q: DealQuery, signal?: AbortSignal): Promise<Page<DealWithId>> {
  const body = await getJson<{ items: Raw[]; nextCursor: string | null; tokens: never }>(
    baseUrl,
    "/api/deals",
    { token: q.token, limit: String(q.limit), cursor: q.cursor },
    signal,
  );
  return { items: body.items.map(dealFromApi), nextCursor: body.nextCursor, tokens: tokensFromApi(body.tokens) };
}

export type TradeRole = "maker" | "taker" | "seller" | "buyer" | "arbiter";

export async function fetchTrades(
  baseUrl: string,
  account: Address,
  role: TradeRole,
  limit: number,
  cursor?: string,
  signal?: AbortSignal,
): Promise<{ offers: OfferWithId[]; deals: DealWithId[]; nextCursor: string | null; tokens: TokenMap }> {
  const body = await getJson<{ kind: "offer" | "deal"; items: Raw[]; nextCursor: string | null; tokens: never }>(
    baseUrl,
    `/api/addresses/${account}/trades`,
    { role, limit: String(limit), cursor },
    signal,
  );
  return {
    offers: body.kind === "offer" ? body.items.map(offerFromApi) : [],
    deals: body.kind === "deal" ? body.items.map(dealFromApi) : [],
    nextCursor: body.nextCursor,
    tokens: tokensFromApi(body.tokens),
  };
}

export async function fetchReputations(baseUrl: string, addresses: readonly string[], signal?: AbortSignal): Promise<Reputation[]> {
  const body = await getJson<{ items: Reputation[] }>(baseUrl, "/api/reputation", { addresses: addresses.join(",") }, signal);
  return body.items;
}
