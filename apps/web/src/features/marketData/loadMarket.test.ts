import { OfferStatus, type OfferWithId } from "@peerlock/sdk";
import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { mergeMarket, type Market } from "./loadMarket";

const offer = (id: bigint, status: number = OfferStatus.Open): OfferWithId => ({
  id,
  maker: zeroAddress,
  taker: zeroAddress,
  sellToken: zeroAddress,
  buyToken: zeroAddress,
  sellAmount: 1n,
  buyAmount: 1n,
  sellRemaining: 1n,
  expiry: 0n,
  partialFills: false,
  status,
});

describe("mergeMarket", () => {
  it("replaces changed offers in place and appends new ones in id order", () => {
    const market: Market = { offers: [offer(1n), offer(2n)], deals: [], tokens: {}, offersFrom: 1n, dealsFrom: 1n };
    const merged = mergeMarket(market, { offers: [offer(3n), offer(1n, OfferStatus.Filled)], deals: [], tokens: {} });
    expect(merged.offers.map((o) => [o.id, o.status])).toEqual([
      [1n, OfferStatus.Filled],
      [2n, OfferStatus.Open],
      [3n, OfferStatus.Open],
    ]);
    expect(market.offers[0]?.status).toBe(OfferStatus.Open); // the cached value is not mutated
  });
});
