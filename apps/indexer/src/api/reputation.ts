// Reputation of an address, read from the rows the handlers keep (src/lib/reputation.ts): one
// row of counts, its volumes per token, its resolved deals, and the middle one or two entries
// of each duration index for the medians. No query scans the address's trades. The rules are
// SPEC's "Indexer and reputation" and are written out in this package's README.
import { type Reputation } from "@peerlock/sdk";
import { db } from "ponder:api";
import { reputationDurations, reputationResolutions, reputations, reputationVolumes } from "ponder:schema";
import { and, asc, eq } from "ponder";

export type { Reputation };

/** The median of an address's durations of one kind: the middle entry (or two) of its index. */
async function median(address: `0x${string}`, kind: "takenToPaid" | "paidToReleased", count: number): Promise<number | null> {
  if (count === 0) return null;
  const middle = await db
    .select({ seconds: reputationDurations.seconds })
    .from(reputationDurations)
    .where(and(eq(reputationDurations.address, address), eq(reputationDurations.kind, kind)))
    .orderBy(asc(reputationDurations.seconds))
    .offset(Math.floor((count - 1) / 2))
    .limit(count % 2 === 1 ? 1 : 2);
  const values = middle.map((m) => Number(m.seconds));
  return values.length === 1 ? values[0]! : (values[0]! + values[1]!) / 2;
}

export async function reputationOf(address: `0x${string}`): Promise<Reputation> {
  const a = address.toLowerCase() as `0x${string}`;
  const [row] = await db.select().from(reputations).where(eq(reputations.address, a));
  const [volumes, resolved, takenToPaid, paidToReleased] = await Promise.all([
    db.select().from(reputationVolumes).where(eq(reputationVolumes.address, a)).orderBy(asc(reputationVolumes.token)),
    db.select().from(reputationResolutions).where(eq(reputationResolutions.address, a)).orderBy(asc(reputationResolutions.dealId)),
    median(a, "takenToPaid", row?.takenToPaidCount ?? 0),
    median(a, "paidToReleased", row?.paidToReleasedCount ?? 0),
  ]);
  const n = (k: keyof NonNullable<typeof row>) => Number(row?.[k] ?? 0);
  const completedTrades = n("fillsAsMaker") + n("fillsAsTaker") + n("dealsReleasedAsSeller") + n("dealsReleasedAsBuyer") + n("dealsResolved");
  const failed = n("lapsedAsBuyer") + n("backedOutAsBuyer");
  return {
    address: a,
    fillsAsMaker: n("fillsAsMaker"),
    fillsAsTaker: n("fillsAsTaker"),
    dealsReleasedAsSeller: n("dealsReleasedAsSeller"),
    dealsReleasedAsBuyer: n("dealsReleasedAsBuyer"),
    dealsResolved: n("dealsResolved"),
    resolutions: resolved.map((r) => ({ dealId: r.dealId.toString(), role: r.role as "seller" | "buyer", buyerShareBps: r.buyerShareBps })),
    disputesOpened: n("disputesOpened"),
    lapsedAsBuyer: n("lapsedAsBuyer"),
    backedOutAsBuyer: n("backedOutAsBuyer"),
    medianSecondsTakenToPaid: takenToPaid,
    medianSecondsPaidToReleased: paidToReleased,
    completedTrades,
    completionRate: completedTrades + failed === 0 ? null : completedTrades / (completedTrades + failed),
    firstTradeAt: row?.firstTradeAt?.toString() ?? null,
    lastTradeAt: row?.lastTradeAt?.toString() ?? null,
    volumeByToken: Object.fromEntries(volumes.map((v) => [v.token, v.amount.toString()])),
    signedFillsAsMaker: n("signedFillsAsMaker"),
    signedFillsAsTaker: n("signedFillsAsTaker"),
  };
}
