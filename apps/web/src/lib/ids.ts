const MAX_UINT256 = 2n ** 256n - 1n;

/**
 * An offer or deal id from a URL segment. Ids start at 1; anything else ("abc", "-1", "0x10",
 * "1.5", a 100-digit number) is not an id, and the page says so instead of crashing.
 */
export function parseId(raw: string | undefined): bigint | null {
  if (raw === undefined) return null;
  const text = decodeURIComponentSafe(raw).trim();
  if (!/^[1-9]\d{0,77}$/.test(text)) return null;
  const id = BigInt(text);
  return id <= MAX_UINT256 ? id : null;
}

function decodeURIComponentSafe(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
