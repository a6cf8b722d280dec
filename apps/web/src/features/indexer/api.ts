// The indexer's read API (apps/indexer), typed. Amounts and ids arrive as decimal strings and
// become bigints here, in the same shapes the chain reads give (OfferWithId, DealWithId), so
// the tables render either source.
import {
  type DealWithId,
  indexedDealSchema,
  indexedOfferSchema,
  indexedTokensSchema,
  indexerPageSchema,
  indexerStatusSchema,
  indexerTradesPageSchema,
  type OfferWithId,
  type Reputation,
  reputationBatchSchema,
} from "@peerlock/sdk";
import type { Address } from "viem";
import type { z } from "zod";
import type { TokenMap } from "@/features/tokens/registry";

export type IndexerStatus = { chainId: number; indexedBlock: bigint | null; headBlock: bigint | null; lagBlocks: bigint | null };

export type { Reputation };

export type Page<T> = { items: T[]; nextCursor: string | null; tokens: TokenMap };

/** One indexed offer row, decoded by the SDK's schema. */
export const offerFromApi = (row: unknown): OfferWithId => indexedOfferSchema.parse(row);
/** One indexed deal row, decoded by the SDK's schema. */
export const dealFromApi = (row: unknown): DealWithId => indexedDealSchema.parse(row);
/** Token metadata the indexer sends with a page; tokens whose calls reverted are left out (the app shows them as unknown). */
export const tokensFromApi = (raw: unknown): TokenMap => indexedTokensSchema.parse(raw);

export class IndexerError extends Error {}

/**
 * GETs `path` from the indexer and reads the answer with `schema` (the SDK's codec of that
 * route); a non-2xx answer, or one the schema refuses, becomes an IndexerError.
 */
export async function getJson<T>(
  baseUrl: string,
  path: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  params: Record<string, string | undefined> = {},
  signal?: AbortSignal,
): Promise<T> {
  const query = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ""));
  const url = `${baseUrl}${path}${query.size ? `?${query}` : ""}`;
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new IndexerError(body.error ?? `The indexer answered ${res.status}`);
  const reply = schema.safeParse(body);
  if (!reply.success) throw new IndexerError(`The indexer's answer to ${path} is not in the expected shape.`);
  return reply.data;
}

export async function fetchStatus(baseUrl: string, signal?: AbortSignal): Promise<IndexerStatus> {
  const { chainId, indexedBlock, headBlock, lagBlocks } = await getJson(baseUrl, "/api/status", indexerStatusSchema, {}, signal);
  return { chainId, indexedBlock, headBlock, lagBlocks };
}

export type OfferQuery = { sellToken?: string; buyToken?: string; sort: "newest" | "priceAsc" | "priceDesc"; limit: number; cursor?: string };
export type DealQuery = { token?: string; limit: number; cursor?: string };

export async function fetchOffers(baseUrl: string, q: OfferQuery, signal?: AbortSignal): Promise<Page<OfferWithId>> {
  return getJson(
    baseUrl,
    "/api/offers",
    indexerPageSchema(indexedOfferSchema),
    { sellToken: q.sellToken, buyToken: q.buyToken, sort: q.sort, limit: String(q.limit), cursor: q.cursor },
    signal,
  );
}

export async function fetchDeals(baseUrl: string, q: DealQuery, signal?: AbortSignal): Promise<Page<DealWithId>> {
  return getJson(baseUrl, "/api/deals", indexerPageSchema(indexedDealSchema), { token: q.token, limit: String(q.limit), cursor: q.cursor }, signal);
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
  const body = await getJson(baseUrl, `/api/addresses/${account}/trades`, indexerTradesPageSchema, { role, limit: String(limit), cursor }, signal);
  return {
    offers: body.kind === "offer" ? body.items : [],
    deals: body.kind === "deal" ? body.items : [],
    nextCursor: body.nextCursor,
    tokens: body.tokens,
  };
}

export async function fetchReputations(baseUrl: string, addresses: readonly string[], signal?: AbortSignal): Promise<Reputation[]> {
  const body = await getJson(baseUrl, "/api/reputation", reputationBatchSchema, { addresses: addresses.join(",") }, signal);
  return body.items;
}
