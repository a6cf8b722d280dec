import type { TokenInfo } from "@peerlock/sdk";
import { parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import { signedFillCheck } from "./signedFill";

const usd: TokenInfo = { address: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9", symbol: "tUSD", name: "Test USD", decimals: 6 };
const tusd = (v: string) => parseUnits(v, 6);

describe("signedFillCheck", () => {
  it("blocks a fill the taker cannot afford, saying what they need and hold", () => {
    const check = signedFillCheck({ quote: tusd("3100"), balance: tusd("687.2"), buy: usd });
    expect(check.ready).toBe(false);
    expect(check.blockers).toEqual(["You need 3,100 tUSD but hold 687.2 tUSD: buy less, or get more tUSD first."]);
  });

  it("waits for the balance before offering the fill (no approval before it is known to suffice)", () => {
    expect(signedFillCheck({ quote: tusd("10"), balance: undefined, buy: usd })).toEqual({ ready: false, blockers: [] });
  });

  it("is ready when the balance covers the price exactly", () => {
    expect(signedFillCheck({ quote: tusd("687.2"), balance: tusd("687.2"), buy: usd })).toEqual({ ready: true, blockers: [] });
  });

  it("is not ready without a quote (no amount entered)", () => {
    expect(signedFillCheck({ quote: undefined, balance: tusd("1"), buy: usd }).ready).toBe(false);
  });
});
