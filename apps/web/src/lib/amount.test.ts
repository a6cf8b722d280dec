import { describe, expect, it } from "vitest";
import { amountToInput, formatAmount, parseAmount } from "./amount";

describe("parseAmount", () => {
  it("parses whole and fractional amounts exactly", () => {
    expect(parseAmount("1", 18)).toEqual({ ok: true, value: 10n ** 18n });
    expect(parseAmount("0.000001", 6)).toEqual({ ok: true, value: 1n });
    expect(parseAmount(" 1,250.5 ", 2)).toEqual({ ok: true, value: 125050n });
    expect(parseAmount(".5", 1)).toEqual({ ok: true, value: 5n });
    expect(parseAmount("5.", 1)).toEqual({ ok: true, value: 50n });
  });

  it("refuses more decimals than the token has instead of rounding", () => {
    const r = parseAmount("1.0000001", 6);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/6 decimals/);
    expect(parseAmount("1.5", 0).ok).toBe(false);
  });

  it("refuses empty, zero, negative and non-numeric input", () => {
    expect(parseAmount("", 18).ok).toBe(false);
    expect(parseAmount("0", 18).ok).toBe(false);
    expect(parseAmount("0", 18, { allowZero: true })).toEqual({ ok: true, value: 0n });
    expect(parseAmount("-1", 18).ok).toBe(false);
    expect(parseAmount("1e18", 18).ok).toBe(false);
    expect(parseAmount("1.2.3", 18).ok).toBe(false);
    expect(parseAmount(".", 18).ok).toBe(false);
  });

  it("takes commas only as thousands separators, never as a decimal comma", () => {
    expect(parseAmount("12,000.5", 1)).toEqual({ ok: true, value: 120005n });
    expect(parseAmount("1,234,567", 0)).toEqual({ ok: true, value: 1234567n });
    for (const text of ["0,5", "1,5", "1,25", "12,0000", ",5", "1,250,5"]) {
      const r = parseAmount(text, 18);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/point for decimals/);
    }
  });

  it("refuses amounts above uint256", () => {
    expect(parseAmount("1" + "0".repeat(80), 0).ok).toBe(false);
  });
});

describe("formatAmount", () => {
  it("groups thousands and trims trailing zeros", () => {
    expect(formatAmount(1234567n * 10n ** 17n, 18)).toBe("123,456.7");
    expect(formatAmount(10n ** 18n, 18)).toBe("1");
    expect(formatAmount(0n, 18)).toBe("0");
  });

  it("cuts extra decimals without rounding up", () => {
    expect(formatAmount(1_999_999_999n, 9, { maxDecimals: 2 })).toBe("1.99");
  });

  it("shows a tiny non-zero amount as <0.000001, never 0", () => {
    expect(formatAmount(1n, 18)).toBe("<0.000001");
  });

  it("shows every digit when asked", () => {
    expect(formatAmount(1n, 18, { exact: true })).toBe("0.000000000000000001");
  });

  it("round-trips through the input format", () => {
    const value = 123456789n;
    const parsed = parseAmount(amountToInput(value, 6), 6);
    expect(parsed).toEqual({ ok: true, value });
  });
});
