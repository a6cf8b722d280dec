// DealEscrow events -> deals (mirroring getDeal, plus when each step happened), history,
// credits and the reputation rows of the parties.
import { dealFromOpened, DealStatus } from "@peerlock/sdk";
import { ponder } from "ponder:registry";
import { creditEvents, deals } from "ponder:schema";
import { recordTradeEvent, rememberToken } from "./lib/history";
import { completedTrade, count, duration, resolution } from "./lib/reputation";
import { creditRow } from "./SwapEscrow";

ponder.on("DealEscrow:DealOpened", async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(deals).values({
    dealId: a.dealId,
    ...dealFromOpened(a),
    openedAt: event.block.timestamp,
    openedBlock: event.block.number,
    updatedAt: event.block.timestamp,
  });
  await rememberToken(context, a.token);
  await recordTradeEvent(context, "deal", a.dealId, "DealOpened", event);
});

ponder.on("DealEscrow:DealTaken", async ({ event, context }) => {
  const a = event.args;
  await context.db.update(deals, { dealId: a.dealId }).set({
    buyer: a.buyer,
    paymentDeadline: a.paymentDeadline,
    status: DealStatus.Taken,
    takenAt: event.block.timestamp,
    updatedAt: event.block.timestamp,
  });
  await recordTradeEvent(context, "deal", a.dealId, "DealTaken", event);
});

ponder.on("DealEscrow:DealPaid", async ({ event, context }) => {
  const t = event.block.timestamp;
  const deal = await context.db.update(deals, { dealId: event.args.dealId }).set({ status: DealStatus.Paid, paidAt: t, updatedAt: t });
  await recordTradeEvent(context, "deal", event.args.dealId, "DealPaid", event);
  if (deal.takenAt !== null) await duration(context, deal.buyer, "takenToPaid", deal.dealId, t - deal.takenAt);
});

ponder.on("DealEscrow:DealDisputed", async ({ event, context }) => {
  const t = event.block.timestamp;
  await context.db
    .update(deals, { dealId: event.args.dealId })
    .set({ status: DealStatus.Disputed, disputedAt: t, disputedBy: event.args.by, updatedAt: t });
  await recordTradeEvent(context, "deal", event.args.dealId, "DealDisputed", event);
  await count(context, event.args.by, "disputesOpened");
});

ponder.on("DealEscrow:DealReleased", async ({ event, context }) => {
  const t = event.block.timestamp;
  const deal = await context.db.update(deals, { dealId: event.args.dealId }).set({ status: DealStatus.Released, releasedAt: t, updatedAt: t });
  await recordTradeEvent(context, "deal", event.args.dealId, "DealReleased", event);
  await count(context, deal.seller, "dealsReleasedAsSeller");
  await count(context, deal.buyer, "dealsReleasedAsBuyer");
  if (deal.paidAt !== null) await duration(context, deal.seller, "paidToReleased", deal.dealId, t - deal.paidAt);
  await completedTrade(context, [deal.seller, deal.buyer], t, [{ token: deal.token, amount: deal.amount }]);
});

ponder.on("DealEscrow:DealRefunded", async ({ event, context }) => {
  const t = event.block.timestamp;
  const by = event.args.by.toLowerCase();
  const deal = await context.db
    .update(deals, { dealId: event.args.dealId })
    .set({ status: DealStatus.Refunded, refundedAt: t, refundedBy: event.args.by, updatedAt: t });
  await recordTradeEvent(context, "deal", event.args.dealId, "DealRefunded", event);
  // Only a deal someone took counts against its buyer: cancelled by the seller after the
  // deadline (the buyer never paid: lapsed), or by the buyer itself (backed out).
  if (deal.takenAt !== null) {
    if (by === deal.seller.toLowerCase()) await count(context, deal.buyer, "lapsedAsBuyer");
    if (by === deal.buyer.toLowerCase()) await count(context, deal.buyer, "backedOutAsBuyer");
  }
});

ponder.on("DealEscrow:DealResolved", async ({ event, context }) => {
  const a = event.args;
  const t = event.block.timestamp;
  const deal = await context.db.update(deals, { dealId: a.dealId }).set({
    status: DealStatus.Resolved,
    resolvedAt: t,
    buyerShareBps: a.buyerShareBps,
    toBuyer: a.toBuyer,
    toSeller: a.toSeller,
    fee: a.fee,
    updatedAt: t,
  });
  await recordTradeEvent(context, "deal", a.dealId, "DealResolved", event);
  await resolution(context, deal, a.buyerShareBps);
  await completedTrade(context, [deal.seller, deal.buyer], t, [{ token: deal.token, amount: deal.amount }]);
});

ponder.on("DealEscrow:Credited", async ({ event, context }) => {
  await context.db.insert(creditEvents).values(creditRow("DealEscrow", "Credited", event));
});

ponder.on("DealEscrow:Withdrawn", async ({ event, context }) => {
  await context.db.insert(creditEvents).values(creditRow("DealEscrow", "Withdrawn", event));
});
