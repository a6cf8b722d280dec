// One address's trades by role, one offer's or deal's history, and an arbiter's queue.
import { DealStatus } from "@peerlock/sdk";
import { db } from "ponder:api";
import { creditEvents, deals, fills, offers, tradeEvents } from "ponder:schema";
import { and, asc, eq, inArray, or } from "ponder";
import { keyset, page } from "./keyset";
import { publicOffer } from "./market";
import { MAX_PAGE_SIZE } from "./params";

type Role = "maker" | "taker" | "seller" | "buyer" | "arbiter";

export async function tradesOf(account: `0x${string}`, role: Role, limit: number, cursor: bigint | undefined) {
  if (role === "maker" || role === "taker") {
    const who =
      role === "maker"
        ? eq(offers.maker, account)
        : // Offers naming it as the taker, and offers it filled.
          or(eq(offers.taker, account), inArray(offers.offerId, db.select({ id: fills.offerId }).from(fills).where(eq(fills.taker, account))));
    const { after, order } = keyset(offers, offers.offerId, cursor);
    const rows = await db
      .select()
      .from(offers)
      .where(and(who, after))
      .orderBy(...order)
      .limit(limit + 1);
    return { kind: "offer" as const, ...page(rows.map(publicOffer), limit, (r) => r.offerId) };
  }
  const column = role === "seller" ? deals.seller : role === "buyer" ? deals.buyer : deals.arbiter;
  const { after, order } = keyset(deals, deals.dealId, cursor);
  const rows = await db
    .select()
    .from(deals)
    .where(and(eq(column, account), after))
    .orderBy(...order)
    .limit(limit + 1);
  return { kind: "deal" as const, ...page(rows, limit, (r) => r.dealId) };
}

/** Disputed deals waiting for this arbiter, newest first. */
export async function arbiterQueue(arbiter: `0x${string}`, limit: number, cursor: bigint | undefined) {
  const { after, order } = keyset(deals, deals.dealId, cursor);
  const rows = await db
    .select()
    .from(deals)
    .where(and(eq(deals.arbiter, arbiter), eq(deals.status, DealStatus.Disputed), after))
    .orderBy(...order)
    .limit(limit + 1);
  return page(rows, limit, (r) => r.dealId);
}

export async function offerById(id: bigint) {
  const [row] = await db.select().from(offers).where(eq(offers.offerId, id));
  return row ? publicOffer(row) : undefined;
}

export async function dealById(id: bigint) {
  const [row] = await db.select().from(deals).where(eq(deals.dealId, id));
  return row;
}

/** Every event of one trade in chain order. */
export async function historyOf(kind: "offer" | "deal", id: bigint) {
  return db
    .select()
    .from(tradeEvents)
    .where(and(eq(tradeEvents.kind, kind), eq(tradeEvents.tradeId, id)))
    .orderBy(asc(tradeEvents.blockNumber), asc(tradeEvents.logIndex));
}

/** Credited and Withdrawn events of one account in chain order (payouts it must withdraw, and did). */
export async function creditsOf(account: `0x${string}`) {
  return db
    .select()
    .from(creditEvents)
    .where(eq(creditEvents.account, account))
    .orderBy(asc(creditEvents.blockNumber), asc(creditEvents.id))
    .limit(MAX_PAGE_SIZE);
}
