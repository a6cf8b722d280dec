import { type DealWithId, dealEscrowAbi, dealFromOpened, type OfferWithId, offerFromCreated, swapEscrowAbi } from "@peerlock/sdk";
import { type Log, parseEventLogs } from "viem";

type WithLogs = { logs: readonly Log[] };

/**
 * New offers as the chain will return them, read from the creating transaction's receipt: the
 * offer page opens with them at once instead of waiting for a read (or the indexer) to catch up.
 */
export function offersFromReceipts(receipts: readonly WithLogs[]): OfferWithId[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: swapEscrowAbi, logs: logs as Log[], eventName: "OfferCreated" }).map(({ args }) => ({
    id: args.offerId,
    ...offerFromCreated(args),
  }));
}

/** New deals from the opening transaction's receipt: listed, no payment deadline yet. */
export function dealsFromReceipts(receipts: readonly WithLogs[]): DealWithId[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: dealEscrowAbi, logs: logs as Log[], eventName: "DealOpened" }).map(({ args }) => ({
    id: args.dealId,
    ...dealFromOpened(args),
  }));
}
