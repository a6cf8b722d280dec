// Reputation of an address, computed at read time from the indexed events only, so anyone
// can recompute it from the chain. The rules are SPEC's "Indexer and reputation" and are
// written out in this package's README; each figure below names its rule.
import { DealStatus, type Reputation } from "@peerlock/sdk";
import { db } from "ponder:api";
import { sql } from "ponder";

export type { Reputation };

const RELEASED = DealStatus.Released;
const RESOLVED = DealStatus.Resolved;
const REFUNDED = DealStatus.Refunded;

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (result as { rows: Row[] }).rows;

export async function reputationOf(address: `0x${string}`): Promise<Reputation> {
  const a = address.toLowerCase();
  const [counts] = rowsOf(
    await db.execute(sql`
      select
        (select count(*) from fills where maker = ${a})::int as fills_as_maker,
        (select count(*) from fills where taker = ${a})::int as fills_as_taker,
        (select count(*) from signed_fills where maker = ${a})::int as signed_fills_as_maker,
        (select count(*) from signed_fills where taker = ${a})::int as signed_fills_as_taker,
        (select count(*) from deals where seller = ${a} and status = ${RELEASED})::int as released_as_seller,
        (select count(*) from deals where buyer = ${a} and status = ${RELEASED})::int as released_as_buyer,
        (select count(*) from deals where disputed_by = ${a})::int as disputes_opened,
        (select count(*) from deals where buyer = ${a} and taken_at is not null and status = ${REFUNDED} and refunded_by = seller)::int as lapsed,
        (select count(*) from deals where buyer = ${a} and taken_at is not null and status = ${REFUNDED} and refunded_by = ${a})::int as backed_out,
        (select percentile_cont(0.5) within group (order by (paid_at - taken_at)) from deals where buyer = ${a} and paid_at is not null)::float8 as median_taken_paid,
        (select percentile_cont(0.5) within group (order by (released_at - paid_at)) from deals where seller = ${a} and paid_at is not null and released_at is not null)::float8 as median_paid_released
    `),
  );
  const resolutions = rowsOf(
    await db.execute(sql`
      select deal_id::text as deal_id, case when seller = ${a} then 'seller' else 'buyer' end as role, buyer_share_bps
      from deals where status = ${RESOLVED} and (seller = ${a} or buyer = ${a}) order by deal_id
    `),
  ).map((r) => ({ dealId: String(r.deal_id), role: r.role as "seller" | "buyer", buyerShareBps: Number(r.buyer_share_bps) }));

  // Completed trades as (time, token, amount) legs: a fill moves two tokens, a deal one.
  const completed = sql`
    select timestamp as at, sell_token as token, sell_amount as amount from fills where maker = ${a} or taker = ${a}
    union all select timestamp, buy_token, buy_amount from fills where maker = ${a} or taker = ${a}
    union all select coalesce(released_at, resolved_at), token, amount from deals
      where (seller = ${a} or buyer = ${a}) and status in (${RELEASED}, ${RESOLVED})`;
  const [span] = rowsOf(await db.execute(sql`select min(at)::text as first, max(at)::text as last from (${completed}) c`));
  const volume = rowsOf(await db.execute(sql`select token, sum(amount)::text as amount from (${completed}) c group by token order by token`));

  const c = counts!;
  const num = (k: string) => Number(c[k]);
  const dealsResolved = resolutions.length;
  const completedTrades = num("fills_as_maker") + num("fills_as_taker") + num("released_as_seller") + num("released_as_buyer") + dealsResolved;
  const failed = num("lapsed") + num("backed_out");
  const median = (k: string) => (c[k] === null || c[k] === undefined ? null : Number(c[k]));
  return {
    address: a,
    fillsAsMaker: num("fills_as_maker"),
    fillsAsTaker: num("fills_as_taker"),
    dealsReleasedAsSeller: num("released_as_seller"),
    dealsReleasedAsBuyer: num("released_as_buyer"),
    dealsResolved,
    resolutions,
    disputesOpened: num("disputes_opened"),
    lapsedAsBuyer: num("lapsed"),
    backedOutAsBuyer: num("backed_out"),
    medianSecondsTakenToPaid: median("median_taken_paid"),
    medianSecondsPaidToReleased: median("median_paid_released"),
    completedTrades,
    completionRate: completedTrades + failed === 0 ? null : completedTrades / (completedTrades + failed),
    firstTradeAt: (span?.first as string | null) ?? null,
    lastTradeAt: (span?.last as string | null) ?? null,
    volumeByToken: Object.fromEntries(volume.map((v) => [String(v.token), String(v.amount)])),
    signedFillsAsMaker: num("signed_fills_as_maker"),
    signedFillsAsTaker: num("signed_fills_as_taker"),
  };
}
