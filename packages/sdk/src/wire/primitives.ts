import { getAddress, isAddress, isHex } from "viem";
import { z } from "zod";

/**
 * The zod shapes every Peerlock wire format is built from: JSON has no bigints, so uints travel as
 * decimal strings; addresses come back checksummed; hex values come back lower case. The words
 * are meant for people (they reach API users and the app as they are).
 */

/** Addresses as wallets write them: all lower case, or with a correct EIP-55 checksum. */
export const addressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "Expected a 0x address of 40 hex digits.")
  .refine((s) => s === s.toLowerCase() || isAddress(s, { strict: true }), "The address's checksum (its mix of capitals) is wrong.")
  .transform((s) => getAddress(s));

export const UINT_MAX = { uint256: (1n << 256n) - 1n, uint64: (1n << 64n) - 1n } as const;
export type UintBits = keyof typeof UINT_MAX;

/** A whole number as a decimal string, within the Solidity type. */
export const uintStringSchema = (bits: UintBits) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,77})$/, "Expected a whole number written as a decimal string.")
    .transform((s) => BigInt(s))
    .refine((n) => n <= UINT_MAX[bits], `The number does not fit in a ${bits}.`);

/** 32 bytes as 0x hex (hashes, order hashes, public keys), returned lower case. */
export const hex32Schema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "Expected 32 bytes as 0x and 64 hex digits.")
  .transform((s) => s.toLowerCase() as `0x${string}`);

/** A signature: 65 bytes for a wallet key, longer (up to 2 KiB) for EIP-1271 contract wallets. */
export const signatureSchema = z
  .string()
  .refine(
    (s) => isHex(s, { strict: true }) && s.length % 2 === 0 && s.length >= 4 && s.length <= 2 + 2 * 2048,
    "Expected the signature as 0x hex bytes.",
  )
  .transform((s) => s.toLowerCase() as `0x${string}`);

export const chainIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
