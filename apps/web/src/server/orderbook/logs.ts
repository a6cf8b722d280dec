import { signedSwapAbi } from "@peerlock/sdk";
import { and, eq, inArray } from "drizzle-orm";
import type { Address, Hex, Log, PublicClient } from "viem";
import type { ServerDb } from "../shared/db/client";
import { signedOrders } from "./schema";

/** The three events that take an order off the book. */
export const bookEvents = signedSwapAbi.filter(
  (item) => item.type === "event" && (item.name === "OrderFilled" || item.name === "NonceCancelled" || item.name === "NoncesInvalidated"),
);

type BookLog = Log<bigint, number, false, undefined, true, typeof bookEvents>;

/**
 * Applies a block range's SignedSwap logs to the book. Every write is idempotent (a status set,
 * or a figure re-read from the chain), so a range applied twice after a crash changes nothing.
 * - NonceCancelled / NoncesInvalidated: the maker's live orders with those nonces are cancelled.
 * - OrderFilled: the order's filled amount and nonce are re-read from SignedSwap; a used nonce
 *   makes it filled, and any other live order of the maker signed with that nonce unfillable.
 */
export async function applyLogs(db: ServerDb, client: PublicClient, signedSwap: Address, logs: readonly BookLog[]): Promise<void> {
  // orders of this contract that are still on the book (or hidden only until the maker tops up)
  const live = and(eq(signedOrders.verifyingContract, signedSwap), inArray(signedOrders.status, ["open", "unfillable"]));
  const filledHashes = new Set<Hex>();
  for (const log of logs) {
    if (log.eventName === "NonceCancelled") {
      const { maker, nonce } = log.args;
      await db
        .update(signedOrders)
        .set({ status: "cancelled", updatedAt: new Date() })
        .where(and(eq(signedOrders.maker, maker), eq(signedOrders.nonce, nonce.toString()), live));
    } else if (log.eventName === "NoncesInvalidated") {
      const { maker, wordPos, mask } = log.args;
      const rows = await db
        .select({ id: signedOrders.id, nonce: signedOrders.nonce })
        .from(signedOrders)
        .where(and(eq(signedOrders.maker, maker), live));
      const hit = rows.filter((r) => BigInt(r.nonce) >> 8n === wordPos && ((mask >> (BigInt(r.nonce) & 0xffn)) & 1n) === 1n).map((r) => r.id);
      if (hit.length)
        await db
          .update(signedOrders)
          .set({ status: "cancelled", updatedAt: new Date() })
          .where(and(inArray(signedOrders.id, hit), live));
    } else {
      filledHashes.add(log.args.orderHash.toLowerCase() as Hex);
    }
  }
  if (filledHashes.size === 0) return;
  const rows = await db
    .select()
    .from(signedOrders)
    .where(and(inArray(signedOrders.orderHash, [...filledHashes]), live));
  for (const row of rows) {
    const maker = row.maker as Address;
    const nonce = BigInt(row.nonce);
    const [filled, used] = await Promise.all([
      client.readContract({ address: signedSwap, abi: signedSwapAbi, functionName: "filledAmount", args: [row.orderHash as Hex] }),
      client.readContract({ address: signedSwap, abi: signedSwapAbi, functionName: "isNonceUsed", args: [maker, nonce] }),
    ]);
    const now = new Date();
    if (!used) {
      await db
        .update(signedOrders)
        .set({ filledAmount: filled.toString(), updatedAt: now })
        .where(and(eq(signedOrders.id, row.id), live));
      continue;
    }
    await db
      .update(signedOrders)
      .set({ status: "filled", filledAmount: (row.partialFills ? filled : BigInt(row.sellAmount)).toString(), updatedAt: now })
      .where(and(eq(signedOrders.id, row.id), live));
    // another order signed with the same nonce can never fill now
    await db
      .update(signedOrders)
      .set({ status: "unfillable", unfillableReason: "NonceUsed", updatedAt: now })
      .where(and(eq(signedOrders.maker, maker), eq(signedOrders.nonce, row.nonce), live));
  }
}
