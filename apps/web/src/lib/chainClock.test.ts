import { describe, expect, it } from "vitest";
import { chainNow, proveChainTime } from "./chainClock";

describe("chainNow", () => {
  it("follows the wall clock when the last block is older (no block mined for a while)", () => {
    expect(chainNow({ blockTime: 900, readAt: 1_000 }, 1_030)).toBe(1_030);
  });

  it("runs ahead with a chain whose clock was moved forward", () => {
    expect(chainNow({ blockTime: 8_200, readAt: 1_000 }, 1_030)).toBe(8_230);
  });

  it("never goes below a time a revert proved", () => {
    expect(chainNow({ blockTime: 900, readAt: 1_000, provenAt: 5_000 }, 1_030)).toBe(5_000);
    expect(chainNow({ blockTime: 900, readAt: 1_000, provenAt: 5_000 }, 6_000)).toBe(6_000);
  });
});

describe("proveChainTime", () => {
  it("raises the floor and keeps the reading", () => {
    const clock = proveChainTime({ blockTime: 900, readAt: 1_000 }, 5_000, 1_010);
    expect(clock).toEqual({ blockTime: 900, readAt: 1_000, provenAt: 5_000 });
    expect(chainNow(clock, 1_010)).toBe(5_000);
  });

  it("keeps a later proof", () => {
    expect(proveChainTime({ blockTime: 0, readAt: 0, provenAt: 7_000 }, 5_000, 10).provenAt).toBe(7_000);
  });

  it("starts from the wall clock when nothing was read yet", () => {
    expect(chainNow(proveChainTime(undefined, 5_000, 1_000), 1_000)).toBe(5_000);
  });
});
