import { DealStatus, type DealWithId, dealEscrowAbi, OfferStatus, type OfferWithId, swapEscrowAbi } from "@peerlock/sdk";
import { type Log, parseEventLogs } from "viem";

type WithLogs = { logs: readonly Log[] };

/**
 * New offers as the chain will return them, read from the creating transaction's receipt: the
 * offer page opens with them at once instead of waiting for a read (or the indexer) to catch up.
 */
export function offersFromReceipts(receipts: readonly WithLogs[]): OfferWithId[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: swapEscrowAbi, logs: logs as Log[], eventName: "OfferCreated" }).map(({ args: a }) => ({
    id: a.offerId,
    maker: a.maker,
    taker: a.taker,
    sellToken: a.sellToken,
    sellAmount: a.sellAmount,
    buyToken: a.buyToken,
    buyAmount: a.buyAmount,
    sellRemaining: a.sellAmount,
    expiry: a.expiry,
    partialFills: a.partialFills,
    status: OfferStatus.Open,
  }));
}

/** New deals from the opening transaction's receipt: listed, no payment deadline yet. */
export function dealsFromReceipts(receipts: readonly WithLogs[]): DealWithId[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: dealEscrowAbi, logs: logs as Log[], eventName: "DealOpened" }).map(({ args: a }) => ({
    id: a.dealId,
    seller: a.seller,
    buyer: a.buyer,
    token: a.token,
    arbiter: a.arbiter,
    amount: a.amount,
    arbiterFeeBps: a.arbiterFeeBps,
    paymentWindow: a.paymentWindow,
    paymentDeadline: 0n,
    status: DealStatus.Listed,
    termsHash: a.termsHash,
  }));
}
