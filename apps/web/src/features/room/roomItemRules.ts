import { type Deal, DealStatus } from "@peerlock/sdk";
import type { Address } from "viem";
import { isZeroAddress, sameAddress } from "@/lib/address";

/**
 * Who may put what into a deal room (SPEC v3 "Deal room"), as this browser decides for items
 * from relays, which anyone can write to: only what passes these rules and its signature check
 * is ever shown. The deal is read from the chain, never from a relay.
 */
const arbiterIn = (deal: Deal) => deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;
const isSeller = (deal: Deal, a: Address) => sameAddress(deal.seller, a);
const isBuyer = (deal: Deal, a: Address) => !isZeroAddress(deal.buyer) && sameAddress(deal.buyer, a);
const isArbiter = (deal: Deal, a: Address) => sameAddress(deal.arbiter, a);

/** A message's author: the seller or the buyer, or the arbiter once the deal is disputed. */
export function mayWriteMessage(deal: Deal, author: Address): boolean {
  return isSeller(deal, author) || isBuyer(deal, author) || (isArbiter(deal, author) && arbiterIn(deal));
}

/**
 * A deal-key wrap's author for `reader`: the seller for itself and the buyer; the seller or the
 * buyer for the arbiter, only once disputed. Anyone can wrap *a* key to a public room key, so a
 * wrap from anyone else would hand the reader a key of a stranger's choosing.
 */
export function mayWrapFor(deal: Deal, author: Address, reader: Address): boolean {
  if (isSeller(deal, reader)) return isSeller(deal, author);
  if (isBuyer(deal, reader)) return isSeller(deal, author);
  if (isArbiter(deal, reader)) return arbiterIn(deal) && (isSeller(deal, author) || isBuyer(deal, author));
  return false;
}

/** The wallets a deal key is owed to now: the seller, the buyer once taken, the arbiter once disputed. */
export function dealReaders(deal: Deal): Address[] {
  const readers: Address[] = [deal.seller];
  if (!isZeroAddress(deal.buyer) && !sameAddress(deal.buyer, deal.seller)) readers.push(deal.buyer);
  if (arbiterIn(deal) && !readers.some((r) => sameAddress(r, deal.arbiter))) readers.push(deal.arbiter);
  return readers;
}

/**
 * Whether a message from a relay is shown: its author may write here, its signature is theirs,
 * and it opens with the deal key. Anything else is dropped without a trace (a relay must not be
 * able to fill a room with error rows); the server's own items keep their error rows.
 */
export function showRelayMessage(input: { deal: Deal; author: Address; signatureOk: boolean | undefined; opens: boolean }): boolean {
  return input.signatureOk === true && input.opens && mayWriteMessage(input.deal, input.author);
}
