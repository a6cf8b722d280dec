import { DealStatus, type DealWithId, type OfferWithId } from "@peerlock/sdk";
import type { Address } from "viem";
import { isFillableBy, offerPhase } from "@/features/offers/status";
import { tokenFrom, type TokenMap } from "@/features/tokens/registry";
import { sameAddress } from "@/lib/address";
import { comparePrice } from "@/lib/price";

export type OfferSort = "newest" | "priceAsc" | "priceDesc" | "expiry";

export const offerSortLabels: Record<OfferSort, string> = {
  newest: "Newest first",
  priceAsc: "Price: low to high",
  priceDesc: "Price: high to low",
  expiry: "Expiring soonest",
};

export type OfferFilter = {
  /** Only offers selling this token (lower-case address), or all. */
  sells?: string;
  /** Only offers asking for this token, or all. */
  wants?: string;
  sort: OfferSort;
  /** Only offers this account could fill now. */
  fillableBy?: Address;
};

/** Open, unexpired offers matching the filter, sorted. Price sorts compare exactly (bigint). */
export function selectMarketOffers(offers: readonly OfferWithId[], filter: OfferFilter, tokens: TokenMap, now: bigint): OfferWithId[] {
  const list = offers.filter(
    (o) =>
      offerPhase(o, now) === "open" &&
      (!filter.sells || sameAddress(o.sellToken, filter.sells)) &&
      (!filter.wants || sameAddress(o.buyToken, filter.wants)) &&
      (!filter.fillableBy || isFillableBy(o, filter.fillableBy, now)),
  );
  const terms = (o: OfferWithId) => ({
    sellAmount: o.sellAmount,
    buyAmount: o.buyAmount,
    sellDecimals: tokenFrom(tokens, o.sellToken).decimals,
    buyDecimals: tokenFrom(tokens, o.buyToken).decimals,
  });
  const byId = (a: OfferWithId, b: OfferWithId) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  switch (filter.sort) {
    case "newest":
      return list.sort(byId);
    case "priceAsc":
      return list.sort((a, b) => comparePrice(terms(a), terms(b)) || byId(a, b));
    case "priceDesc":
      return list.sort((a, b) => comparePrice(terms(b), terms(a)) || byId(a, b));
    case "expiry": {
      // Offers that never expire go last.
      const key = (o: OfferWithId) => (o.expiry === 0n ? 2n ** 64n : o.expiry);
      return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : byId(a, b)));
    }
  }
}

/** Deals anyone (or this account) can still take, newest first. */
export function selectListedDeals(deals: readonly DealWithId[], token?: string): DealWithId[] {
  return deals
    .filter((d) => d.status === DealStatus.Listed && (!token || sameAddress(d.token, token)))
    .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/** Tokens that appear in the open book, for the filter selects. */
export function tokensInBook(offers: readonly OfferWithId[], deals: readonly DealWithId[], now: bigint) {
  const sells = new Set<string>();
  const wants = new Set<string>();
  for (const o of offers) {
    if (offerPhase(o, now) !== "open") continue;
    sells.add(o.sellToken.toLowerCase());
    wants.add(o.buyToken.toLowerCase());
  }
  for (const d of deals) if (d.status === DealStatus.Listed) sells.add(d.token.toLowerCase());
  return { sells: [...sells], wants: [...wants] };
}
