import { and, asc, desc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import type { Hex } from "viem";
import { chainClient } from "../shared/chain";
import { getDb } from "../shared/db/client";
import { HttpError } from "../shared/http/errors";
import { orderbookConfig } from "./config";
import { recheckOrder } from "./recheck";
import { type PublicOrder, publicOrder } from "./rows";
import { signedOrders } from "./schema";
import type { ListOrdersQuery } from "./validation";

/** Cursors are opaque to clients: base64url of `<priceKey>:<id>` (or `<id>` when sorting by age). */
const encodeCursor = (text: string) => Buffer.from(text, "utf8").toString("base64url");

function decodeCursor(cursor: string, sort: ListOrdersQuery["sort"]): { price?: string; id: string } {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  const match = sort === "newest" ? /^()([0-9]{1,20})$/.exec(text) : /^([0-9]{1,240}):([0-9]{1,20})$/.exec(text);
  if (!match) throw new HttpError(400, "cursor: not a cursor this list returned (it depends on the sort).");
  return { price: match[1] || undefined, id: match[2]! };
}

/**
 * One page of open, unexpired orders of this app's chain and contract, filtered by tokens and
 * maker, newest first or by price (buy per sell; compare within one pair), keyset-paginated.
 */
export async function listOpenOrders(query: ListOrdersQuery): Promise<{ orders: PublicOrder[]; nextCursor: string | null }> {
  const { chainId, signedSwap } = orderbookConfig();
  if (!signedSwap) return { orders: [], nextCursor: null };
  const nowSeconds = Math.floor(Date.now() / 1000).toString();
  const where: SQL[] = [
    eq(signedOrders.status, "open"),
    eq(signedOrders.chainId, chainId),
    eq(signedOrders.verifyingContract, signedSwap),
    or(eq(signedOrders.expiry, "0"), gt(signedOrders.expiry, nowSeconds))!,
  ];
  if (query.sellToken) where.push(eq(signedOrders.sellToken, query.sellToken));
  if (query.buyToken) where.push(eq(signedOrders.buyToken, query.buyToken));
  if (query.maker) where.push(eq(signedOrders.maker, query.maker));

  const cursor = query.cursor ? decodeCursor(query.cursor, query.sort) : undefined;
  let order: SQL[];
  if (query.sort === "newest") {
    if (cursor) where.push(sql`${signedOrders.id} < ${cursor.id}::bigint`);
    order = [desc(signedOrders.id)];
  } else {
    // by price, ties newest first (both directions)
    const ascending = query.sort === "priceAsc";
    if (cursor) {
      const beyond = ascending ? sql`${signedOrders.priceKey} > ${cursor.price}::numeric` : sql`${signedOrders.priceKey} < ${cursor.price}::numeric`;
      where.push(sql`(${beyond} or (${signedOrders.priceKey} = ${cursor.price}::numeric and ${signedOrders.id} < ${cursor.id}::bigint))`);
    }
    order = [ascending ? asc(signedOrders.priceKey) : desc(signedOrders.priceKey), desc(signedOrders.id)];
  }

  const db = await getDb();
  const rows = await db
    .select()
    .from(signedOrders)
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(query.sort === "newest" ? `${last.id}` : `${last.priceKey}:${last.id}`) : null;
  return { orders: page.map(publicOrder), nextCursor };
}

/** One order by hash, whatever its status; a live one is re-checked on chain first. */
export async function getOrder(orderHash: Hex): Promise<PublicOrder | null> {
  const db = await getDb();
  const [row] = await db.select().from(signedOrders).where(eq(signedOrders.orderHash, orderHash));
  if (!row) return null;
  try {
    return publicOrder(await recheckOrder(db, chainClient(), row));
  } catch {
    return publicOrder(row); // the chain is unreachable: say what we last knew
  }
}
