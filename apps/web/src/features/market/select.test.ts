import { DealStatus, OfferStatus, type DealWithId, type OfferWithId, type TokenInfo } from "@peerlock/sdk";
import { zeroAddress, type Address, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { tokenMapOf } from "@/features/tokens/registry";
import { selectListedDeals, selectMarketOffers } from "./select";

const weth: TokenInfo = { address: "0xa000000000000000000000000000000000000001", symbol: "WETH", name: "W", decimals: 18 };
const usdc: TokenInfo = { address: "0xb000000000000000000000000000000000000002", symbol: "USDC", name: "U", decimals: 6 };
const tokens = tokenMapOf([weth, usdc]);
const maker = "0x1000000000000000000000000000000000000001" as Address;
const me = "0x2000000000000000000000000000000000000002" as Address;

const offer = (id: bigint, usdcPerWeth: bigint, over: Partial<OfferWithId> = {}): OfferWithId => ({
  id,
  maker,
  taker: zeroAddress,
  sellToken: weth.address,
  buyToken: usdc.address,
  sellAmount: 10n ** 18n,
  buyAmount: usdcPerWeth * 10n ** 6n,
  sellRemaining: 10n ** 18n,
  expiry: 0n,
  partialFills: true,
  status: OfferStatus.Open,
  ...over,
});

const book = [
  offer(1n, 2_000n),
  offer(2n, 1_900n, { expiry: 500n }),
  offer(3n, 2_100n, { expiry: 50n }), // expired at now = 100
  offer(4n, 1_950n, { status: OfferStatus.Filled }),
  offer(5n, 2_050n, { taker: "0x3000000000000000000000000000000000000003" }),
  offer(6n, 1n, {
    sellToken: usdc.address,
    buyToken: weth.address,
    sellAmount: 2_000n * 10n ** 6n,
    buyAmount: 10n ** 18n,
    sellRemaining: 2_000n * 10n ** 6n,
  }),
];
const ids = (list: OfferWithId[]) => list.map((o) => o.id);

describe("selectMarketOffers", () => {
  it("lists only open, unexpired offers, newest first", () => {
    expect(ids(selectMarketOffers(book, { sort: "newest" }, tokens, 100n))).toEqual([6n, 5n, 2n, 1n]);
  });

  it("filters by the token sold and the token wanted", () => {
    expect(ids(selectMarketOffers(book, { sort: "newest", sells: usdc.address.toLowerCase() }, tokens, 100n))).toEqual([6n]);
    expect(ids(selectMarketOffers(book, { sort: "newest", wants: usdc.address }, tokens, 100n))).toEqual([5n, 2n, 1n]);
  });

  it("sorts by price both ways within a pair", () => {
    const pair = { sells: weth.address, wants: usdc.address };
    expect(ids(selectMarketOffers(book, { ...pair, sort: "priceAsc" }, tokens, 100n))).toEqual([2n, 1n, 5n]);
    expect(ids(selectMarketOffers(book, { ...pair, sort: "priceDesc" }, tokens, 100n))).toEqual([5n, 1n, 2n]);
  });

  it("sorts by expiry with never-expiring offers last", () => {
    expect(ids(selectMarketOffers(book, { sort: "expiry" }, tokens, 100n))[0]).toBe(2n);
  });

  it("keeps only offers the account can fill", () => {
    expect(ids(selectMarketOffers(book, { sort: "newest", fillableBy: me }, tokens, 100n))).toEqual([6n, 2n, 1n]);
    expect(ids(selectMarketOffers(book, { sort: "newest", fillableBy: maker }, tokens, 100n))).toEqual([]);
  });
});

describe("selectListedDeals", () => {
  const deal = (id: bigint, status: number, token: Address = weth.address): DealWithId => ({
    id,
    seller: maker,
    buyer: zeroAddress,
    token,
    arbiter: me,
    amount: 1n,
    arbiterFeeBps: 0,
    paymentWindow: 300,
    paymentDeadline: 0n,
    status,
    termsHash: zeroAddress.padEnd(66, "0") as Hex,
  });

  it("lists listed deals only, filtered by token", () => {
    const deals = [deal(1n, DealStatus.Listed), deal(2n, DealStatus.Taken), deal(3n, DealStatus.Listed, usdc.address)];
    expect(selectListedDeals(deals).map((d) => d.id)).toEqual([3n, 1n]);
    expect(selectListedDeals(deals, weth.address).map((d) => d.id)).toEqual([1n]);
  });
});
