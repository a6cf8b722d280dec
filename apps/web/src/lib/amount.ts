import { formatUnits } from "viem";

export type ParseResult = { ok: true; value: bigint } | { ok: false; error: string };

const MAX_UINT256 = 2n ** 256n - 1n;

/** Commas only as thousands separators, as the app shows amounts: "1,250" or "12,000.5". */
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/**
 * Parses what a person typed ("1,250.5", " 0.01 ") into the token's smallest unit, exactly:
 * no floating point, and never silently dropping decimals the token cannot hold. A decimal comma
 * ("0,5") is refused rather than read as 05: it would be a ten-fold mistake.
 */
export function parseAmount(input: string, decimals: number, { allowZero = false } = {}): ParseResult {
  const trimmed = input.trim().replaceAll("_", "");
  if (trimmed.includes(",") && !GROUPED.test(trimmed)) {
    return { ok: false, error: "Use a point for decimals (0.5), and commas only between thousands (1,250)." };
  }
  const text = trimmed.replaceAll(",", "");
  if (text === "") return { ok: false, error: "Enter an amount." };
  if (!/^\d*\.?\d*$/.test(text) || text === ".") return { ok: false, error: "Use digits and at most one decimal point." };
  const [whole = "", fraction = ""] = text.split(".");
  if (fraction.length > decimals) {
    return { ok: false, error: decimals === 0 ? "This token has no decimals." : `At most ${decimals} decimals for this token.` };
  }
  const value = BigInt((whole || "0") + fraction.padEnd(decimals, "0"));
  if (value > MAX_UINT256) return { ok: false, error: "That amount is too large." };
  if (value === 0n && !allowZero) return { ok: false, error: "The amount must be more than zero." };
  return { ok: true, value };
}

/** Groups the integer part with commas: 1234567.5 -> 1,234,567.5 */
function groupThousands(whole: string): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * Human units for display. Extra decimals are cut (never rounded up, so a balance is never
 * shown larger than it is); `exact` shows every digit.
 */
export function formatAmount(
  value: bigint,
  decimals: number,
  { maxDecimals = 6, exact = false }: { maxDecimals?: number; exact?: boolean } = {},
): string {
  const negative = value < 0n;
  const [whole = "0", fraction = ""] = formatUnits(negative ? -value : value, decimals).split(".");
  const shown = (exact ? fraction : fraction.slice(0, maxDecimals)).replace(/0+$/, "");
  const truncated = shown.length < fraction.replace(/0+$/, "").length;
  // A tiny non-zero amount should not read as 0.
  if (truncated && whole === "0" && shown === "") {
    return `${negative ? ">-" : "<"}0.${"0".repeat(Math.max(0, maxDecimals - 1))}1`;
  }
  return `${negative ? "-" : ""}${groupThousands(whole)}${shown ? `.${shown}` : ""}`;
}

/** Exact value without grouping, for putting back into an input ("Max"). */
export function amountToInput(value: bigint, decimals: number): string {
  return formatUnits(value, decimals);
}
