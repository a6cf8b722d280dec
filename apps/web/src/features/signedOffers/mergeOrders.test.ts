import type { SignedOrder, SignedOrderWithSignature, TokenInfo } from "@peerlock/sdk";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { tokenMapOf } from "@/features/tokens/registry";
import type { BookOrder } from "./bookApi";
import { mergeSignedOrders, seenOnWords } from "./mergeOrders";
import type { RelayOrder } from "./relayOrderStore";

const WETH = "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9";
const USD = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707";
const MAKER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const OTHER = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const tokens = tokenMapOf([
  { address: WETH, symbol: "tWETH", name: "Test WETH", decimals: 18 },
  { address: USD, symbol: "tUSD", name: "Test USD", decimals: 6 },
] satisfies TokenInfo[]);

const hashOf = (n: number) => `0x${n.toString(16).padStart(64, "0")}` as Hex;
const signedOf = (over: Partial<SignedOrder>): SignedOrderWithSignature => ({
  chainId: 31337,
  verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  signature: "0x",
  order: {
    maker: MAKER,
    taker: "0x0000000000000000000000000000000000000000",
    sellToken: WETH,
    sellAmount: 10n ** 18n,
    buyToken: USD,
    buyAmount: 2_000n * 10n ** 6n,
    expiry: 0n,
    nonce: 1n,
    partialFills: true,
    ...over,
  },
});
const book = (n: number, postedAt: number, over: Partial<SignedOrder> = {}, remaining?: bigint): BookOrder => {
  const signed = signedOf(over);
  return {
    orderHash: hashOf(n),
    signed,
    status: "open",
    unfillableReason: null,
    filledAmount: 0n,
    remaining: remaining ?? signed.order.sellAmount,
    link: "",
    createdAt: new Date(postedAt * 1000),
    updatedAt: new Date(postedAt * 1000),
  };
};
const relay = (n: number, createdAt: number, relays: string[], over: Partial<SignedOrder> = {}, remaining?: bigint): RelayOrder => {
  const signed = signedOf(over);
  return { orderHash: hashOf(n), signed, remaining: remaining ?? signed.order.sellAmount, link: `link-${n}`, createdAt, relays };
};

describe("mergeSignedOrders", () => {
  it("lists each order hash once, saying where it was seen, newest first", () => {
    const merged = mergeSignedOrders(
      [book(1, 100), book(2, 300)],
      [relay(2, 290, ["wss://a.example"]), relay(3, 200, ["wss://a.example", "ws://127.0.0.1:8704"])],
      { sort: "newest" },
      tokens,
    );
    expect(merged.map((o) => [o.orderHash, seenOnWords(o.seenOn)])).toEqual([
      [hashOf(2), "a.example, server"],
      [hashOf(3), "127.0.0.1:8704, a.example"],
      [hashOf(1), "server"],
    ]);
  });

  it("keeps the smaller remaining amount when the server and a relay order disagree", () => {
    const [row] = mergeSignedOrders([book(1, 100, {}, 10n ** 18n)], [relay(1, 100, ["wss://a.example"], {}, 4n)], { sort: "newest" }, tokens);
    expect(row?.remaining).toBe(4n);
  });

  it("filters relay orders like the book: token sold, token paid, maker", () => {
    const list = [relay(1, 1, ["wss://a"]), relay(2, 2, ["wss://a"], { sellToken: USD, buyToken: WETH }), relay(3, 3, ["wss://a"], { maker: OTHER })];
    const hashes = (f: Parameters<typeof mergeSignedOrders>[2]) => mergeSignedOrders([], list, f, tokens).map((o) => o.orderHash);
    expect(hashes({ sort: "newest", sells: WETH.toLowerCase() })).toEqual([hashOf(3), hashOf(1)]);
    expect(hashes({ sort: "newest", wants: WETH })).toEqual([hashOf(2)]);
    expect(hashes({ sort: "newest", maker: OTHER })).toEqual([hashOf(3)]);
  });

  it("leaves out orders expired by the chain's time", () => {
    const list = [relay(1, 1, ["wss://a"], { expiry: 50n }), relay(2, 2, ["wss://a"])];
    expect(mergeSignedOrders([book(3, 3, { expiry: 50n })], list, { sort: "newest", now: 49n }, tokens)).toHaveLength(3);
    expect(mergeSignedOrders([book(3, 3, { expiry: 50n })], list, { sort: "newest", now: 50n }, tokens).map((o) => o.orderHash)).toEqual([hashOf(2)]);
  });

  it("sorts by exact price across both sources, ties newest first", () => {
    // 2000, 2000.000001 and 1999.999999 tUSD per tWETH: only exact maths orders them
    const cheap = relay(1, 1, ["wss://a"], { buyAmount: 1_999_999_999n });
    const dear = book(2, 2, { buyAmount: 2_000_000_001n });
    const mid = relay(3, 3, ["wss://a"]);
    const midOlder = book(4, 0);
    expect(mergeSignedOrders([dear, midOlder], [cheap, mid], { sort: "priceAsc" }, tokens).map((o) => o.orderHash)).toEqual([
      hashOf(1),
      hashOf(3),
      hashOf(4),
      hashOf(2),
    ]);
    expect(mergeSignedOrders([dear, midOlder], [cheap, mid], { sort: "priceDesc" }, tokens).map((o) => o.orderHash)).toEqual([
      hashOf(2),
      hashOf(3),
      hashOf(4),
      hashOf(1),
    ]);
  });
});
