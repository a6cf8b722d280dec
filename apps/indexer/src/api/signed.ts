// SignedSwap's indexed events: fills by maker/taker or by order, and a maker's cancellations.
// Keyset pages over (block, log index), so a page never skips or repeats a row.
import { db } from "ponder:api";
import { signedFills, signedNonceCancellations } from "ponder:schema";
import { and, asc, desc, eq, gt, lt, or, sql } from "ponder";
import type { EventCursor } from "./params";

type SQL = ReturnType<typeof sql>;
type Table = typeof signedFills | typeof signedNonceCancellations;

/** Rows after the cursor in the page's direction: (block, logIndex) strictly beyond it. */
function beyond(table: Table, cursor: EventCursor | undefined, direction: "newest" | "oldest"): SQL | undefined {
  if (!cursor) return undefined;
  const cmp = direction === "newest" ? lt : gt;
  return or(cmp(table.blockNumber, cursor.blockNumber), and(eq(table.blockNumber, cursor.blockNumber), cmp(table.logIndex, cursor.logIndex)));
}

function eventPage<T extends { blockNumber: bigint; logIndex: number }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? `${last.blockNumber}-${last.logIndex}` : null };
}

/** Signed fills, newest first, optionally of one maker and/or one taker. */
export async function signedFillsOf(q: { maker?: `0x${string}`; taker?: `0x${string}`; limit: number; cursor?: EventCursor }) {
  const filters: (SQL | undefined)[] = [beyond(signedFills, q.cursor, "newest")];
  if (q.maker) filters.push(eq(signedFills.maker, q.maker));
  if (q.taker) filters.push(eq(signedFills.taker, q.taker));
  const rows = await db
    .select()
    .from(signedFills)
    .where(and(...filters))
    .orderBy(desc(signedFills.blockNumber), desc(signedFills.logIndex))
    .limit(q.limit + 1);
  return eventPage(rows, q.limit);
}

/** One order's fills in chain order (a partial order can be filled many times). */
export async function fillsOfOrder(orderHash: `0x${string}`, q: { limit: number; cursor?: EventCursor }) {
  const rows = await db
    .select()
    .from(signedFills)
    .where(and(eq(signedFills.orderHash, orderHash), beyond(signedFills, q.cursor, "oldest")))
    .orderBy(asc(signedFills.blockNumber), asc(signedFills.logIndex))
    .limit(q.limit + 1);
  return eventPage(rows, q.limit);
}

/** A maker's NonceCancelled and NoncesInvalidated events in chain order. */
export async function nonceCancellationsOf(maker: `0x${string}`, q: { limit: number; cursor?: EventCursor }) {
  const rows = await db
    .select()
    .from(signedNonceCancellations)
    .where(and(eq(signedNonceCancellations.maker, maker), beyond(signedNonceCancellations, q.cursor, "oldest")))
    .orderBy(asc(signedNonceCancellations.blockNumber), asc(signedNonceCancellations.logIndex))
    .limit(q.limit + 1);
  return eventPage(rows, q.limit);
}
