import { dealLimits } from "./generated/constants.js";
import { type Offer } from "./types.js";

const BPS = BigInt(dealLimits.bps);

/**
 * What `fillOffer(offerId, sellAmount)` charges: ceil(sellAmount * buyAmount / offer.sellAmount),
 * rounded up in the maker's favour exactly like the contract. Returns 0 for an empty offer.
 */
export function quoteFill(offer: Pick<Offer, "sellAmount" | "buyAmount">, sellAmount: bigint): bigint {
  if (offer.sellAmount === 0n) return 0n;
  const product = sellAmount * offer.buyAmount;
  return product / offer.sellAmount + (product % offer.sellAmount === 0n ? 0n : 1n);
}

/** The split `resolve(dealId, buyerShareBps)` pays out, each part rounded down like the contract. */
export function resolveSplit(amount: bigint, arbiterFeeBps: number, buyerShareBps: number) {
  const fee = (amount * BigInt(arbiterFeeBps)) / BPS;
  const rest = amount - fee;
  const toBuyer = (rest * BigInt(buyerShareBps)) / BPS;
  return { fee, toBuyer, toSeller: rest - toBuyer };
}

/** Expired means `expiry != 0 && now >= expiry`, the contract's rule. */
export function isOfferExpired(offer: Pick<Offer, "expiry">, nowSeconds: bigint): boolean {
  return offer.expiry !== 0n && nowSeconds >= offer.expiry;
}
