// SwapEscrow events -> offers (mirroring getOffer, plus an exact price key), fills, history,
// credits and the reputation rows of both parties.
import { OfferStatus, offerFromCreated } from "@peerlock/sdk";
import { ponder } from "ponder:registry";
import { creditEvents, fills, offers } from "ponder:schema";
import { recordTradeEvent, rememberToken } from "./lib/history";
import { priceKey } from "./lib/price";
import { completedTrade, count } from "./lib/reputation";

ponder.on("SwapEscrow:OfferCreated", async ({ event, context }) => {
  const a = event.args;
  const sell = await rememberToken(context, a.sellToken);
  const buy = await rememberToken(context, a.buyToken);
  await context.db.insert(offers).values({
    offerId: a.offerId,
    ...offerFromCreated(a),
    fillCount: 0,
    createdAt: event.block.timestamp,
    createdBlock: event.block.number,
    updatedAt: event.block.timestamp,
    priceKey: priceKey({ sellAmount: a.sellAmount, buyAmount: a.buyAmount, sellDecimals: sell.decimals, buyDecimals: buy.decimals }),
  });
  await recordTradeEvent(context, "offer", a.offerId, "OfferCreated", event);
});

ponder.on("SwapEscrow:OfferFilled", async ({ event, context }) => {
  const a = event.args;
  const offer = await context.db.update(offers, { offerId: a.offerId }).set((row) => ({
    sellRemaining: a.sellRemaining,
    status: a.sellRemaining === 0n ? OfferStatus.Filled : row.status,
    fillCount: row.fillCount + 1,
    updatedAt: event.block.timestamp,
  }));
  await context.db.insert(fills).values({
    id: event.id,
    offerId: a.offerId,
    maker: offer.maker,
    taker: a.taker,
    sellToken: offer.sellToken,
    buyToken: offer.buyToken,
    sellAmount: a.sellAmount,
    buyAmount: a.buyAmount,
    sellRemaining: a.sellRemaining,
    timestamp: event.block.timestamp,
    blockNumber: event.block.number,
    transactionHash: event.transaction.hash,
  });
  await recordTradeEvent(context, "offer", a.offerId, "OfferFilled", event);
  await count(context, offer.maker, "fillsAsMaker");
  await count(context, a.taker, "fillsAsTaker");
  await completedTrade(context, [offer.maker, a.taker], event.block.timestamp, [
    { token: offer.sellToken, amount: a.sellAmount },
    { token: offer.buyToken, amount: a.buyAmount },
  ]);
});

ponder.on("SwapEscrow:OfferCancelled", async ({ event, context }) => {
  await context.db
    .update(offers, { offerId: event.args.offerId })
    .set({ status: OfferStatus.Cancelled, cancelledAt: event.block.timestamp, updatedAt: event.block.timestamp });
  await recordTradeEvent(context, "offer", event.args.offerId, "OfferCancelled", event);
});

ponder.on("SwapEscrow:Credited", async ({ event, context }) => {
  await context.db.insert(creditEvents).values(creditRow("SwapEscrow", "Credited", event));
});

ponder.on("SwapEscrow:Withdrawn", async ({ event, context }) => {
  await context.db.insert(creditEvents).values(creditRow("SwapEscrow", "Withdrawn", event));
});

export function creditRow(
  escrow: string,
  name: string,
  event: {
    id: string;
    args: { account: `0x${string}`; token: `0x${string}`; amount: bigint };
    block: { number: bigint; timestamp: bigint };
    transaction: { hash: `0x${string}` };
  },
) {
  return {
    id: event.id,
    escrow,
    name,
    account: event.args.account,
    token: event.args.token,
    amount: event.args.amount,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
}
