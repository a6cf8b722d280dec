// An exact sort key for an offer's price, stored on its row (indexed), so the market sorts by
// price with an index instead of computing a quotient per row.
//
// The app orders prices with comparePrice: buyAmount·10^sellDecimals / (sellAmount·10^buyDecimals),
// compared by cross-multiplying. Here that fraction x = n/d is stored as floor(x·10^SCALE).
// Two different fractions n/d < n'/d' differ by at least 1/(d·d'); with every d below 10^155
// (a uint256 amount times 10^decimals, decimals capped at 77; unknown decimals count as 0, as the app shows such a token) d·d' < 10^310 = 10^SCALE, so
// their keys differ too, in the same direction. Equal fractions give equal keys. The order of
// the keys is therefore exactly the order of the cross-multiplication.
export const PRICE_KEY_SCALE = 310n;
/** Decimals above this are treated as this (no real token has them; it bounds the key). */
export const MAX_PRICE_DECIMALS = 77;

const clamp = (decimals: number | null | undefined) => BigInt(Math.min(Math.max(decimals ?? 0, 0), MAX_PRICE_DECIMALS));

/** floor(buyAmount·10^sellDecimals·10^SCALE / (sellAmount·10^buyDecimals)), as a decimal string. */
export function priceKey(o: { sellAmount: bigint; buyAmount: bigint; sellDecimals: number | null; buyDecimals: number | null }): string {
  if (o.sellAmount === 0n) return "0";
  const numerator = o.buyAmount * 10n ** (clamp(o.sellDecimals) + PRICE_KEY_SCALE);
  const denominator = o.sellAmount * 10n ** clamp(o.buyDecimals);
  return (numerator / denominator).toString();
}
