import { describe, expect, it } from "vitest";
import { resolveExpiry } from "./expiry";

describe("resolveExpiry", () => {
  it("is 0 for never and now + duration for presets", () => {
    expect(resolveExpiry("0", "", 1_000n)).toEqual({ ok: true, expiry: 0n });
    expect(resolveExpiry("3600", "", 1_000n)).toEqual({ ok: true, expiry: 4_600n });
  });

  it("reads a custom date and refuses one in the past", () => {
    const future = new Date(Date.UTC(2100, 0, 1, 12, 0)).toISOString().slice(0, 16);
    const r = resolveExpiry("custom", future, 1_000n);
    expect(r.ok).toBe(true);
    expect(resolveExpiry("custom", "2000-01-01T00:00", BigInt(Math.floor(Date.now() / 1000))).ok).toBe(false);
    expect(resolveExpiry("custom", "", 0n).ok).toBe(false);
    expect(resolveExpiry("custom", "not a date", 0n).ok).toBe(false);
  });
});
