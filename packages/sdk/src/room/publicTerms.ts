/**
 * The public half of a v2 deal's terms, as the app writes it: JSON with a fixed key order so
 * the same terms always give the same bytes (and so the same termsHash).
 */
export type PublicTerms = {
  /** Fiat per one unit of the token sold, a decimal string ("0.92"). */
  pricePerUnit: string;
  /** ISO 4217 code, upper case ("EUR"). */
  fiatCurrency: string;
  /** How the buyer pays ("SEPA transfer"). */
  paymentMethod: string;
  /** Smallest and largest fiat amount the seller accepts, decimal strings; "" when unset. */
  minFiat: string;
  maxFiat: string;
  /** Anything else the seller wants a visitor to read first. */
  notes: string;
};

export type PublicTermsResult = { ok: true; terms: PublicTerms } | { ok: false; error: string };

export const publicTermsLimits = { paymentMethod: 80, notes: 2_000, decimal: 40 } as const;

const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const KEYS = ["pricePerUnit", "fiatCurrency", "paymentMethod", "minFiat", "maxFiat", "notes"] as const;

/** Checks every field; returns the first problem in plain words. */
export function validatePublicTerms(input: unknown): PublicTermsResult {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return { ok: false, error: "Public terms must be a JSON object." };
  const record = input as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(KEYS as readonly string[]).includes(key)) return { ok: false, error: `Public terms have an unknown field "${key}".` };
  }
  for (const key of KEYS) {
    if (typeof record[key] !== "string") return { ok: false, error: `Public terms need "${key}" as text.` };
  }
  const t = record as PublicTerms;
  if (!DECIMAL.test(t.pricePerUnit) || t.pricePerUnit.length > publicTermsLimits.decimal || Number(t.pricePerUnit) <= 0) {
    return { ok: false, error: "The price per unit must be a positive decimal number." };
  }
  if (!CURRENCY.test(t.fiatCurrency)) return { ok: false, error: "The currency must be a three-letter code such as EUR." };
  const method = t.paymentMethod.trim();
  if (method === "" || t.paymentMethod.length > publicTermsLimits.paymentMethod) {
    return { ok: false, error: `The payment method must be 1 to ${publicTermsLimits.paymentMethod} characters.` };
  }
  for (const key of ["minFiat", "maxFiat"] as const) {
    if (t[key] !== "" && (!DECIMAL.test(t[key]) || t[key].length > publicTermsLimits.decimal)) {
      return { ok: false, error: `The ${key === "minFiat" ? "minimum" : "maximum"} must be a decimal number or empty.` };
    }
  }
  if (t.minFiat !== "" && t.maxFiat !== "" && Number(t.minFiat) > Number(t.maxFiat)) {
    return { ok: false, error: "The minimum is above the maximum." };
  }
  if (t.notes.length > publicTermsLimits.notes) return { ok: false, error: `The notes must be at most ${publicTermsLimits.notes} characters.` };
  return { ok: true, terms: Object.fromEntries(KEYS.map((k) => [k, t[k]])) as PublicTerms };
}

/** The exact text the app commits to: keys in a fixed order, no whitespace. */
export function serializePublicTerms(terms: PublicTerms): string {
  return JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, terms[k]])));
}

/** Parses public-terms text; any text that is not valid public terms JSON is an error. */
export function parsePublicTerms(text: string): PublicTermsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: "The public terms are not JSON." };
  }
  return validatePublicTerms(value);
}
