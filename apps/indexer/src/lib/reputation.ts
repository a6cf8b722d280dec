// Keeps the reputation tables (ponder.schema.ts) as events arrive: each handler adds what its
// event means to the rows of the addresses it concerns. The rules are SPEC's "Indexer and
// reputation", written out in this package's README.
import type { Context } from "ponder:registry";
import { reputationDurations, reputationResolutions, reputations, reputationVolumes } from "ponder:schema";

type Row = typeof reputations.$inferSelect;
type Counter = Exclude<keyof Row, "address" | "firstTradeAt" | "lastTradeAt">;

const lower = (a: string) => a.toLowerCase() as `0x${string}`;

function empty(address: `0x${string}`): Row {
  return {
    address,
    fillsAsMaker: 0,
    fillsAsTaker: 0,
    signedFillsAsMaker: 0,
    signedFillsAsTaker: 0,
    dealsReleasedAsSeller: 0,
    dealsReleasedAsBuyer: 0,
    dealsResolved: 0,
    disputesOpened: 0,
    lapsedAsBuyer: 0,
    backedOutAsBuyer: 0,
    takenToPaidCount: 0,
    paidToReleasedCount: 0,
    firstTradeAt: null,
    lastTradeAt: null,
  };
}

/** Applies `change` to the address's row, creating it first when this is its first event. */
async function update(context: Context, address: `0x${string}`, change: (row: Row) => Partial<Row>) {
  const key = lower(address);
  const start = empty(key);
  await context.db
    .insert(reputations)
    .values({ ...start, ...change(start) })
    .onConflictDoUpdate((row) => change(row as Row));
}

/** Adds one to a counter of the address. */
export function count(context: Context, address: `0x${string}`, counter: Counter) {
  return update(context, address, (row) => ({ [counter]: row[counter] + 1 }));
}

/**
 * A completed trade (an OfferFilled, a released or resolved deal) of each party: its time and
 * its legs' volume. A party appears once even if it is on both sides.
 */
export async function completedTrade(
  context: Context,
  parties: readonly `0x${string}`[],
  at: bigint,
  legs: readonly { token: `0x${string}`; amount: bigint }[],
) {
  for (const party of new Set(parties.map(lower))) {
    await update(context, party, (row) => ({
      firstTradeAt: row.firstTradeAt === null || at < row.firstTradeAt ? at : row.firstTradeAt,
      lastTradeAt: row.lastTradeAt === null || at > row.lastTradeAt ? at : row.lastTradeAt,
    }));
    for (const leg of legs) {
      const token = lower(leg.token);
      await context.db
        .insert(reputationVolumes)
        .values({ id: `${party}:${token}`, address: party, token, amount: leg.amount })
        .onConflictDoUpdate((row) => ({ amount: row.amount + leg.amount }));
    }
  }
}

/** One more duration for a median, and its count on the address's row. */
export async function duration(context: Context, address: `0x${string}`, kind: "takenToPaid" | "paidToReleased", dealId: bigint, seconds: bigint) {
  const key = lower(address);
  await context.db.insert(reputationDurations).values({ id: `${kind}:${key}:${dealId}`, address: key, kind, dealId, seconds });
  await count(context, key, kind === "takenToPaid" ? "takenToPaidCount" : "paidToReleasedCount");
}

/** A resolved deal, for each of its parties with its role. */
export async function resolution(context: Context, deal: { dealId: bigint; seller: `0x${string}`; buyer: `0x${string}` }, buyerShareBps: number) {
  for (const party of new Set([lower(deal.seller), lower(deal.buyer)])) {
    const role = party === lower(deal.seller) ? "seller" : "buyer";
    await context.db
      .insert(reputationResolutions)
      .values({ id: `${party}:${deal.dealId}`, address: party, dealId: deal.dealId, role, buyerShareBps });
    await count(context, party, "dealsResolved");
  }
}
