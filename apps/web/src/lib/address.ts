import { type Address, getAddress, isAddress, zeroAddress } from "viem";

export function sameAddress(a: string | undefined | null, b: string | undefined | null): boolean {
  return !!a && !!b && a.toLowerCase() === b.toLowerCase();
}

export function isZeroAddress(a: string): boolean {
  return a.toLowerCase() === zeroAddress;
}

/** 0x1234…abcd */
export function shortAddress(a: string): string {
  return a.length > 12 ? `${a.slice(0, 6)}…${a.slice(-4)}` : a;
}

export type AddressInput = { ok: true; value: Address | undefined } | { ok: false; error: string };

/** An optional address field: empty means "none"; anything else must be a valid address. */
export function parseOptionalAddress(input: string): AddressInput {
  const text = input.trim();
  if (text === "") return { ok: true, value: undefined };
  if (!isAddress(text, { strict: false })) return { ok: false, error: "This is not a valid address (0x followed by 40 hex digits)." };
  const value = getAddress(text);
  if (value === zeroAddress) return { ok: false, error: "The zero address cannot be used here." };
  return { ok: true, value };
}
