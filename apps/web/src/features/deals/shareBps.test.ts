import { describe, expect, it } from "vitest";
import { parseShareBps } from "./shareBps";

describe("parseShareBps", () => {
  it("reads whole basis points from 0 to 10000", () => {
    expect(parseShareBps("0")).toEqual({ ok: true, bps: 0 });
    expect(parseShareBps(" 7000 ")).toEqual({ ok: true, bps: 7_000 });
    expect(parseShareBps("007000")).toEqual({ ok: true, bps: 7_000 });
    expect(parseShareBps("10000")).toEqual({ ok: true, bps: 10_000 });
  });

  it("treats an empty field as unfinished, not as 0", () => {
    expect(parseShareBps("")).toEqual({ ok: false, error: "Enter the buyer's share: 0 to 10000 basis points." });
    expect(parseShareBps("  ").ok).toBe(false);
  });

  it("refuses what is not a whole number in range instead of clamping it", () => {
    expect(parseShareBps("10001")).toEqual({ ok: false, error: "At most 10000 basis points (100 % to the buyer)." });
    for (const text of ["-1", "12.5", "1e3", "70%", "abc", "7 000"]) {
      expect(parseShareBps(text)).toEqual({ ok: false, error: "Use a whole number of basis points, 0 to 10000 (100 = 1 %)." });
    }
  });
});
