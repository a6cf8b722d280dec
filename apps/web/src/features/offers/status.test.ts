import { OfferStatus, type Offer, type TokenInfo } from "@peerlock/sdk";
import { zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { canCancelOffer, fillBlockers, isFillableBy, offerPhase, showsOfferExpiry } from "./status";

const maker = "0x1000000000000000000000000000000000000001" as Address;
const me = "0x2000000000000000000000000000000000000002" as Address;
const other = "0x3000000000000000000000000000000000000003" as Address;
const sellToken: TokenInfo = { address: "0xa000000000000000000000000000000000000001", symbol: "WETH", name: "W", decimals: 18 };
const buyToken: TokenInfo = { address: "0xb000000000000000000000000000000000000002", symbol: "USDC", name: "U", decimals: 6 };

const base: Offer = {
  maker,
  taker: zeroAddress,
  sellToken: sellToken.address,
  buyToken: buyToken.address,
  sellAmount: 10n ** 18n,
  buyAmount: 2_000n * 10n ** 6n,
  sellRemaining: 10n ** 18n,
  expiry: 1_000n,
  partialFills: true,
  status: OfferStatus.Open,
};

const check = (over: Partial<Parameters<typeof fillBlockers>[0]> = {}) =>
  fillBlockers({ offer: base, account: me, now: 500n, sellAmount: 10n ** 17n, buyTokenBalance: 10n ** 12n, sellToken, buyToken, ...over });

describe("offerPhase", () => {
  it("derives expired from the contract rule: now >= expiry", () => {
    expect(offerPhase(base, 999n)).toBe("open");
    expect(offerPhase(base, 1_000n)).toBe("expired");
    expect(offerPhase({ ...base, expiry: 0n }, 10n ** 12n)).toBe("open");
  });

  it("maps the other statuses", () => {
    expect(offerPhase({ ...base, status: OfferStatus.Filled }, 0n)).toBe("filled");
    expect(offerPhase({ ...base, status: OfferStatus.Cancelled }, 0n)).toBe("cancelled");
    expect(offerPhase({ ...base, status: OfferStatus.None }, 0n)).toBe("missing");
  });
});

describe("isFillableBy", () => {
  it("is true for a public open offer and anyone but the maker", () => {
    expect(isFillableBy(base, me, 0n)).toBe(true);
    expect(isFillableBy(base, maker, 0n)).toBe(false);
  });

  it("respects a named taker and expiry", () => {
    const reserved = { ...base, taker: other };
    expect(isFillableBy(reserved, me, 0n)).toBe(false);
    expect(isFillableBy(reserved, other, 0n)).toBe(true);
    expect(isFillableBy(base, me, 2_000n)).toBe(false);
  });
});

describe("fillBlockers", () => {
  it("is empty when the fill would go through", () => {
    expect(check()).toEqual([]);
  });

  it("explains each reason the contract would revert", () => {
    expect(check({ now: 1_000n })[0]).toMatch(/expired/);
    expect(check({ offer: { ...base, status: OfferStatus.Filled } })[0]).toMatch(/filled/);
    expect(check({ offer: { ...base, status: OfferStatus.Cancelled } })[0]).toMatch(/cancelled/);
    expect(check({ account: undefined })[0]).toMatch(/Connect/);
    expect(check({ offer: { ...base, taker: other } })[0]).toMatch(/reserved for 0x3000/);
    expect(check({ account: maker })[0]).toMatch(/your own offer/);
    expect(check({ sellAmount: 0n })[0]).toMatch(/at most 1 WETH/);
    expect(check({ sellAmount: 2n * 10n ** 18n })[0]).toMatch(/at most/);
    expect(check({ offer: { ...base, partialFills: false } })[0]).toMatch(/filled in full/);
  });

  it("flags a balance short of the rounded-up price", () => {
    // 0.1 WETH costs 200 USDC; holding 199.999999 is not enough.
    expect(check({ buyTokenBalance: 199_999_999n })[0]).toMatch(/need 200 USDC but hold 199.999999 USDC/);
    expect(check({ buyTokenBalance: 200_000_000n })).toEqual([]);
  });

  it("skips amount checks while the amount is not a number yet", () => {
    expect(check({ sellAmount: undefined })).toEqual([]);
  });
});

describe("canCancelOffer", () => {
  it("lets only the maker cancel an open offer, expired or not", () => {
    expect(canCancelOffer(base, maker)).toBe(true);
    expect(canCancelOffer(base, me)).toBe(false);
    expect(canCancelOffer({ ...base, status: OfferStatus.Filled }, maker)).toBe(false);
  });
});

describe("showsOfferExpiry", () => {
  it("shows an expiry only while it still matters", () => {
    expect(showsOfferExpiry("open")).toBe(true);
    expect(showsOfferExpiry("expired")).toBe(true);
    expect(showsOfferExpiry("filled")).toBe(false);
    expect(showsOfferExpiry("cancelled")).toBe(false);
  });
});
