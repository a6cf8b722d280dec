import { isOfferExpired, OfferStatus, quoteFill, type Offer, type TokenInfo } from "@peerlock/sdk";
import type { Address } from "viem";
import { formatAmount } from "@/lib/amount";
import { isZeroAddress, sameAddress, shortAddress } from "@/lib/address";

export type OfferPhase = "open" | "expired" | "filled" | "cancelled" | "missing";

/** What a person should read as the offer's state: an open offer past its expiry is "expired". */
export function offerPhase(offer: Pick<Offer, "status" | "expiry">, now: bigint): OfferPhase {
  switch (offer.status) {
    case OfferStatus.Open:
      return isOfferExpired(offer, now) ? "expired" : "open";
    case OfferStatus.Filled:
      return "filled";
    case OfferStatus.Cancelled:
      return "cancelled";
    default:
      return "missing";
  }
}

export const offerPhaseLabel: Record<OfferPhase, string> = {
  open: "Open",
  expired: "Expired",
  filled: "Filled",
  cancelled: "Cancelled",
  missing: "Not found",
};

export function isPrivateOffer(offer: Pick<Offer, "taker">): boolean {
  return !isZeroAddress(offer.taker);
}

/** Whether `account` could fill some of this offer right now (ignoring its balance). */
export function isFillableBy(offer: Offer, account: Address | undefined, now: bigint): boolean {
  if (offerPhase(offer, now) !== "open") return false;
  if (sameAddress(offer.maker, account)) return false;
  return !isPrivateOffer(offer) || sameAddress(offer.taker, account);
}

export function canCancelOffer(offer: Offer, account: Address | undefined): boolean {
  return offer.status === OfferStatus.Open && sameAddress(offer.maker, account);
}

export type FillPreflight = {
  offer: Offer;
  account: Address | undefined;
  now: bigint;
  /** What the taker wants to receive, in sell-token units; undefined when the input is not a number. */
  sellAmount: bigint | undefined;
  /** The taker's balance of the buy token, when known. */
  buyTokenBalance: bigint | undefined;
  sellToken: TokenInfo;
  buyToken: TokenInfo;
};

/**
 * Every reason `fillOffer` would revert (or the wallet would fail) for this taker, in the
 * contract's own check order, so the person reads why before signing. Empty = go ahead.
 */
export function fillBlockers(p: FillPreflight): string[] {
  const { offer, account, now, sellAmount } = p;
  const phase = offerPhase(offer, now);
  if (phase === "missing") return ["This offer does not exist."];
  if (phase === "filled") return ["This offer has been filled completely."];
  if (phase === "cancelled") return ["The maker cancelled this offer."];
  if (phase === "expired") return ["This offer has expired and can no longer be filled."];
  if (!account) return ["Connect a wallet to fill this offer."];
  if (isPrivateOffer(offer) && !sameAddress(offer.taker, account)) {
    return [`This offer is reserved for ${shortAddress(offer.taker)}; your account cannot fill it.`];
  }
  if (sameAddress(offer.maker, account)) return ["This is your own offer: you can cancel it, not fill it."];

  const remaining = `${formatAmount(offer.sellRemaining, p.sellToken.decimals, { exact: true })} ${p.sellToken.symbol}`;
  if (sellAmount === undefined) return [];
  if (sellAmount <= 0n || sellAmount > offer.sellRemaining) return [`Enter an amount above 0 and at most ${remaining}.`];
  if (!offer.partialFills && sellAmount !== offer.sellRemaining) {
    return [`This offer must be filled in full: ${remaining}.`];
  }
  const price = quoteFill(offer, sellAmount);
  if (p.buyTokenBalance !== undefined && p.buyTokenBalance < price) {
    const fmt = (v: bigint) => `${formatAmount(v, p.buyToken.decimals)} ${p.buyToken.symbol}`;
    return [`You need ${fmt(price)} but hold ${fmt(p.buyTokenBalance)}.`];
  }
  return [];
}

/** What the Expires column shows: nothing once the offer is filled or cancelled (its expiry no longer matters). */
export function showsOfferExpiry(phase: OfferPhase): boolean {
  return phase === "open" || phase === "expired";
}
