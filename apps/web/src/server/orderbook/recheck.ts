import { and, asc, eq, inArray, notInArray, or } from "drizzle-orm";
import type { Address, PublicClient } from "viem";
import type { ServerDb } from "../shared/db/client";
import { FINAL_REASONS, isFinalReason, readFillability } from "./fillable";
import { type OrderRow, signedOf } from "./rows";
import { signedOrders } from "./schema";

/** Orders worth checking again: open ones, and unfillable ones whose reason can go away (balance, allowance). */
export const recheckable = or(
  eq(signedOrders.status, "open"),
  and(eq(signedOrders.status, "unfillable"), notInArray(signedOrders.unfillableReason, FINAL_REASONS)),
);

/**
 * Runs SignedSwap's `check` for one stored order and records the verdict: open when nothing
 * stands in the way, else unfillable with the reason (a final one first, so an expired order
 * is never reopened). Filled and cancelled orders are left alone: only their logs decide those.
 */
export async function recheckOrder(db: ServerDb, client: PublicClient, row: OrderRow): Promise<OrderRow> {
  if (row.status !== "open" && row.status !== "unfillable") return row;
  const { filled, problems } = await readFillability(client, signedOf(row));
  const reason = (problems.find((p) => isFinalReason(p.name)) ?? problems[0])?.name ?? null;
  const status = reason ? "unfillable" : "open";
  const changed = status !== row.status || reason !== row.unfillableReason || filled.toString() !== row.filledAmount;
  const now = new Date();
  const [updated] = await db
    .update(signedOrders)
    .set({ status, unfillableReason: reason, filledAmount: filled.toString(), checkedAt: now, ...(changed ? { updatedAt: now } : {}) })
    .where(and(eq(signedOrders.id, row.id), inArray(signedOrders.status, ["open", "unfillable"])))
    .returning();
  return updated ?? row;
}

/**
 * The `limit` stalest re-checkable orders of this chain and contract, checked in parallel (one
 * bounded batch per sync step). One order that cannot be read does not stop the others.
 */
export async function recheckBatch(
  db: ServerDb,
  client: PublicClient,
  venue: { chainId: number; signedSwap: Address },
  limit: number,
): Promise<void> {
  if (limit <= 0) return;
  const rows = await db
    .select()
    .from(signedOrders)
    .where(and(recheckable, eq(signedOrders.chainId, venue.chainId), eq(signedOrders.verifyingContract, venue.signedSwap)))
    .orderBy(asc(signedOrders.checkedAt), asc(signedOrders.id))
    .limit(limit);
  const results = await Promise.allSettled(rows.map((row) => recheckOrder(db, client, row)));
  const failed = results.filter((r) => r.status === "rejected").length;
  if (failed) console.error(`order book re-check: ${failed} of ${rows.length} orders could not be read`);
}
