import { isHex, type Hex } from "viem";

/** Which dev account the built-in wallet signs with: a Hardhat dev account by index, or a fresh key made in this browser. */
export type DevSelection = { kind: "hardhat"; index: number } | { kind: "fresh"; privateKey: Hex };

/** Hardhat's node funds the first 20 accounts of its well-known test mnemonic. */
export const HARDHAT_ACCOUNT_COUNT = 20;

const STORAGE_KEY = "peerlock.devWallet";

/** The stored choice, or undefined when missing or not one the wallet can use (never throws). */
export function parseSelection(raw: string | null | undefined): DevSelection | undefined {
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (v.kind === "hardhat" && Number.isInteger(v.index) && (v.index as number) >= 0 && (v.index as number) < HARDHAT_ACCOUNT_COUNT) {
    return { kind: "hardhat", index: v.index as number };
  }
  if (v.kind === "fresh" && typeof v.privateKey === "string" && isHex(v.privateKey, { strict: true }) && v.privateKey.length === 66) {
    return { kind: "fresh", privateKey: v.privateKey };
  }
  return undefined;
}

/** The choice lives in localStorage so a reload reconnects to the same account (dev chains only). */
export function loadSelection(): DevSelection | undefined {
  if (typeof window === "undefined") return undefined;
  return parseSelection(window.localStorage.getItem(STORAGE_KEY));
}

export function saveSelection(selection: DevSelection): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(selection));
}
