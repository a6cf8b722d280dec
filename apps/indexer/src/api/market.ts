// The market's lists: open offers and listed deals, filtered by token, sorted, one page at a
// time (keyset pagination: the cursor is the id of the previous page's last row). Price order
// uses each offer's stored exact key (src/lib/price.ts) and its index; ties newest first.
import { DealStatus, OfferStatus } from "@peerlock/sdk";
import { db } from "ponder:api";
import { deals, offers, tokens } from "ponder:schema";
import { and, asc, desc, eq, gt, lt, or, sql } from "ponder";

type SQL = ReturnType<typeof sql>;
import { chainHead } from "./chainClock";
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

  let order: SQL[];
  if (q.sort === "newest") {
    order = [desc(offers.offerId)];
    if (q.cursor !== undefined) filters.push(lt(offers.offerId, q.cursor));
  } else {
    // Ties on price: newest first, as the chain-read market sorts them.
    const up = q.sort === "priceAsc";
    const key = offers.priceKey;
    order = [up ? asc(key) : desc(key), desc(offers.offerId)];
    if (q.cursor !== undefined) {
      const cursorKey = sql`(select ${key} from ${offers} where ${offers.offerId} = ${q.cursor})`;
      filters.push(or(up ? sql`${key} > ${cursorKey}` : sql`${key} < ${cursorKey}`, and(sql`${key} = ${cursorKey}`, lt(offers.offerId, q.cursor))));
    }
  }
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
  let order: SQL[];
  if (q.sort === "newest") {
    order = [desc(deals.dealId)];
    if (q.cursor !== undefined) filters.push(lt(deals.dealId, q.cursor));
  } else {
    const up = q.sort === "amountAsc";
    order = [up ? asc(deals.amount) : desc(deals.amount), desc(deals.dealId)];
    if (q.cursor !== undefined) {
      const cursorAmount = sql`(select ${deals.amount} from ${deals} where ${deals.dealId} = ${q.cursor})`;
      filters.push(
        or(
          up ? sql`${deals.amount} > ${cursorAmount}` : sql`${deals.amount} < ${cursorAmount}`,
          and(sql`${deals.amount} = ${cursorAmount}`, lt(deals.dealId, q.cursor)),
        ),
      );
    }
  }
  const rows = await db
    .select()
    .from(deals)
    .where(and(...filters))
    .orderBy(...order)
    .limit(q.limit + 1);
  return page(rows, q.limit, (r) => r.dealId);
}

/** Cuts the extra row fetched to know whether another page exists. */
export function page<T>(rows: T[], limit: number, idOf: (row: T) => bigint) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? idOf(items[items.length - 1]!).toString() : null;
  return { items, nextCursor };
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
