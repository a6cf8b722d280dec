// The market's lists: open offers and listed deals, filtered by token, sorted, one page at a
// time (keyset pagination, keyset.ts). Price order
// uses each offer's stored exact key (src/lib/price.ts) and its index; ties newest first.
import { DealStatus, OfferStatus } from "@peerlock/sdk";
import { db } from "ponder:api";
import { deals, offers, tokens } from "ponder:schema";
import { and, eq, gt, or, sql } from "ponder";

type SQL = ReturnType<typeof sql>;
import { chainHead } from "./chainClock";
import { keyset, page } from "./keyset";
import type { dealsQuery, offersQuery } from "./params";
import type { z } from "zod";

/** An offer row as the API serves it: the price key is an index, not a figure to show. */
export function publicOffer<T extends { priceKey?: unknown }>(row: T): Omit<T, "priceKey"> {
  const { priceKey: _key, ...offer } = row;
  return offer;
}

/** Not expired by chain time: expiry 0 means never; expired means now >= expiry. */
const notExpired = (now: bigint) => or(eq(offers.expiry, 0n), gt(offers.expiry, now));

export async function openOffers(q: z.output<typeof offersQuery>) {
  const { timestamp } = await chainHead();
  const filters: (SQL | undefined)[] = [eq(offers.status, OfferStatus.Open), notExpired(timestamp)];
  if (q.sellToken) filters.push(eq(offers.sellToken, q.sellToken));
  if (q.buyToken) filters.push(eq(offers.buyToken, q.buyToken));
  if (q.maker) filters.push(eq(offers.maker, q.maker));

  const by = q.sort === "newest" ? undefined : { key: offers.priceKey, ascending: q.sort === "priceAsc" };
  const { after, order } = keyset(offers, offers.offerId, q.cursor, by);
  filters.push(after);
  const rows = await db
    .select()
    .from(offers)
    .where(and(...filters))
    .orderBy(...order)
    .limit(q.limit + 1);
  return page(rows.map(publicOffer), q.limit, (r) => r.offerId);
}

export async function listedDeals(q: z.output<typeof dealsQuery>) {
  const filters: (SQL | undefined)[] = [eq(deals.status, DealStatus.Listed)];
  if (q.token) filters.push(eq(deals.token, q.token));
  if (q.seller) filters.push(eq(deals.seller, q.seller));
  const by = q.sort === "newest" ? undefined : { key: deals.amount, ascending: q.sort === "amountAsc" };
  const { after, order } = keyset(deals, deals.dealId, q.cursor, by);
  filters.push(after);
  const rows = await db
    .select()
    .from(deals)
    .where(and(...filters))
    .orderBy(...order)
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => r.dealId);
}

/** Metadata of the tokens a page mentions, so the browser needs no extra chain reads. */
export async function tokensFor(addresses: readonly string[]) {
  const unique = [...new Set(addresses.map((a) => a.toLowerCase()))];
  if (unique.length === 0) return {};
  const rows = await db
    .select()
    .from(tokens)
    .where(or(...unique.map((a) => eq(tokens.address, a as `0x${string}`))));
  return Object.fromEntries(rows.map((t) => [t.address, { symbol: t.symbol, name: t.name, decimals: t.decimals }]));
}
