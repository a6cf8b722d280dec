import { formatUnits } from "viem";

/** One side of a price: `buyAmount` units of the buy token for `sellAmount` units of the sell token. */
export type PriceTerms = { sellAmount: bigint; buyAmount: bigint; sellDecimals: number; buyDecimals: number };

export const PRICE_PRECISION = 18;

/**
 * Whole buy tokens per one whole sell token, scaled by 10^precision and rounded down.
 * Pure bigint maths: 1e-18 tokens against 1e30 tokens still gives the right number.
 */
export function unitPrice(p: PriceTerms, precision = PRICE_PRECISION): bigint {
  if (p.sellAmount === 0n) return 0n;
  return (p.buyAmount * 10n ** BigInt(p.sellDecimals + precision)) / (p.sellAmount * 10n ** BigInt(p.buyDecimals));
}

/** The same price seen from the other side: whole sell tokens per one whole buy token. */
export function inversePrice(p: PriceTerms, precision = PRICE_PRECISION): bigint {
  return unitPrice({ sellAmount: p.buyAmount, buyAmount: p.sellAmount, sellDecimals: p.buyDecimals, buyDecimals: p.sellDecimals }, precision);
}

/** Exact comparison of two prices (cross-multiplied, no rounding): negative when `a` is cheaper. */
export function comparePrice(a: PriceTerms, b: PriceTerms): number {
  const left = a.buyAmount * 10n ** BigInt(a.sellDecimals) * b.sellAmount * 10n ** BigInt(b.buyDecimals);
  const right = b.buyAmount * 10n ** BigInt(b.sellDecimals) * a.sellAmount * 10n ** BigInt(a.buyDecimals);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** A scaled price with a few significant digits, cut rather than rounded: 2000, 0.0005, 1,234.56 */
export function formatPrice(scaled: bigint, { precision = PRICE_PRECISION, significant = 6 } = {}): string {
  if (scaled === 0n) return "0";
  const [whole = "0", fraction = ""] = formatUnits(scaled, precision).split(".");
  let digits: number;
  if (whole !== "0") digits = Math.max(0, significant - whole.length);
  else digits = fraction.length - fraction.replace(/^0+/, "").length + significant;
  const shown = fraction.slice(0, digits).replace(/0+$/, "");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${shown ? `.${shown}` : ""}`;
}
