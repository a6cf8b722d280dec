import { describe, expect, it } from "vitest";
import { comparePrice, formatPrice, inversePrice, unitPrice } from "./price";

const weth = 18;
const usdc = 6;

describe("unitPrice", () => {
  it("gives buy tokens per whole sell token across different decimals", () => {
    // 2 WETH for 4,000 USDC: 2,000 USDC per WETH
    const p = { sellAmount: 2n * 10n ** 18n, buyAmount: 4_000n * 10n ** 6n, sellDecimals: weth, buyDecimals: usdc };
    expect(formatPrice(unitPrice(p))).toBe("2,000");
    expect(formatPrice(inversePrice(p))).toBe("0.0005");
  });

  it("is 0 for an empty offer instead of dividing by zero", () => {
    expect(unitPrice({ sellAmount: 0n, buyAmount: 1n, sellDecimals: 18, buyDecimals: 18 })).toBe(0n);
  });

  it("keeps precision for extreme ratios", () => {
    const p = { sellAmount: 10n ** 30n, buyAmount: 1n, sellDecimals: 18, buyDecimals: 18 };
    expect(unitPrice(p, 30)).toBe(1n);
  });
});

describe("comparePrice", () => {
  it("orders prices exactly even when decimals differ", () => {
    const cheap = { sellAmount: 10n ** 18n, buyAmount: 1_999n * 10n ** 6n, sellDecimals: weth, buyDecimals: usdc };
    const dear = { sellAmount: 10n ** 17n, buyAmount: 200n * 10n ** 6n, sellDecimals: weth, buyDecimals: usdc };
    expect(comparePrice(cheap, dear)).toBe(-1);
    expect(comparePrice(dear, cheap)).toBe(1);
    expect(comparePrice(cheap, { ...cheap, sellAmount: cheap.sellAmount * 3n, buyAmount: cheap.buyAmount * 3n })).toBe(0);
  });
});

describe("formatPrice", () => {
  it("keeps six significant digits and cuts the rest", () => {
    expect(formatPrice(1_234_567_890n * 10n ** 9n)).toBe("1.23456");
    expect(formatPrice(123n * 10n ** 10n)).toBe("0.00000123");
    expect(formatPrice(0n)).toBe("0");
  });
});
