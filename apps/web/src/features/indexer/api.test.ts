import { afterEach, describe, expect, it, vi } from "vitest";
import { dealFromApi, fetchOffers, IndexerError, offerFromApi, tokensFromApi } from "./api";
import { createReputationBatcher } from "./reputationBatch";

const offerRow = {
  offerId: "7",
  maker: "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  taker: "0x0000000000000000000000000000000000000000",
  sellToken: "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9",
  buyToken: "0x0000000000000000000000000000000000000000",
  sellAmount: "340282366920938463463374607431768211455",
  buyAmount: "1500000000000000000",
  sellRemaining: "5000000000",
  expiry: "0",
  partialFills: true,
  status: 1,
};

afterEach(() => vi.unstubAllGlobals());

describe("indexer rows", () => {
  it("turn decimal strings into the bigints chain reads give, past 2^53", () => {
    const o = offerFromApi(offerRow);
    expect(o.id).toBe(7n);
    expect(o.sellAmount).toBe(2n ** 128n - 1n);
    expect(o.partialFills).toBe(true);
    const d = dealFromApi({
      dealId: "3",
      seller: `0x${"1".repeat(40)}`,
      buyer: `0x${"2".repeat(40)}`,
      token: `0x${"3".repeat(40)}`,
      arbiter: `0x${"4".repeat(40)}`,
      amount: "10",
      arbiterFeeBps: 100,
      paymentWindow: 3600,
      paymentDeadline: "0",
      status: 1,
      termsHash: "0xab",
    });
    expect(d.amount).toBe(10n);
    expect(d.arbiterFeeBps).toBe(100);
  });

  it("leave out tokens whose metadata reverted", () => {
    const map = tokensFromApi({ "0xAA": { symbol: "T", name: null, decimals: 6 }, "0xbb": { symbol: null, name: null, decimals: null } });
    expect(Object.keys(map)).toEqual(["0xaa"]);
    expect(map["0xaa"]!.name).toBe("T");
  });
});

describe("fetchOffers", () => {
  it("sends only the set filters and surfaces the API's 400 message", async () => {
    const calls: string[] = [];
    vi.stubGlobal("fetch", async (url: string) => {
      calls.push(url);
      return new Response(JSON.stringify({ error: "limit: must be at most 100" }), { status: 400 });
    });
    await expect(fetchOffers("http://ix", { sort: "priceAsc", limit: 500, sellToken: undefined })).rejects.toThrow(IndexerError);
    expect(calls[0]).toBe("http://ix/api/offers?sort=priceAsc&limit=500");
  });
});

describe("reputation batcher", () => {
  it("asks once for every address requested in the same tick", async () => {
    const asked: string[][] = [];
    const batch = createReputationBatcher("http://ix", async (_url, addresses) => {
      asked.push([...addresses]);
      return addresses.map((a) => ({ address: a, completedTrades: 1 }) as never);
    });
    const [a, b, a2] = await Promise.all([batch("0xA"), batch("0xb"), batch("0xa")]);
    expect(asked).toEqual([["0xa", "0xb"]]);
    expect(a.address).toBe("0xa");
    expect(b.address).toBe("0xb");
    expect(a2).toBe(a);
  });
});
