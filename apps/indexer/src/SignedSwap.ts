// SignedSwap events -> signed_fills and signed_nonce_cancellations, one row per event.
// Orders themselves are never on chain (only signed), so there is no order table to update.
import { ponder } from "ponder:registry";
import { signedFills, signedNonceCancellations } from "ponder:schema";
import { count } from "./lib/reputation";

ponder.on("SignedSwap:OrderFilled", async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(signedFills).values({
    id: event.id,
    orderHash: a.orderHash,
    maker: a.maker,
    taker: a.taker,
    nonce: a.nonce,
    sellAmount: a.sellAmount,
    buyAmount: a.buyAmount,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
  await count(context, a.maker, "signedFillsAsMaker");
  await count(context, a.taker, "signedFillsAsTaker");
});

ponder.on("SignedSwap:NonceCancelled", async ({ event, context }) => {
  await context.db.insert(signedNonceCancellations).values({
    id: event.id,
    name: "NonceCancelled",
    maker: event.args.maker,
    nonce: event.args.nonce,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});

ponder.on("SignedSwap:NoncesInvalidated", async ({ event, context }) => {
  await context.db.insert(signedNonceCancellations).values({
    id: event.id,
    name: "NoncesInvalidated",
    maker: event.args.maker,
    wordPos: event.args.wordPos,
    mask: event.args.mask,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  });
});
