import { z } from "zod";
import { getAddress, isHex, maxUint256 } from "viem";
import { parseWith } from "../shared/http/body";

/** Shared zod shapes for the room's inputs. */
export const dealIdParam = z
  .string()
  .regex(/^\d{1,78}$/, "The deal id must be a whole number.")
  // zod runs this even when the regex failed: only a whole number is compared
  .refine((s) => !/^\d{1,78}$/.test(s) || BigInt(s) <= maxUint256, "The deal id is larger than a uint256.")
  .transform((s) => BigInt(s));
export const hex32 = z
  .string()
  .refine((s) => isHex(s) && s.length === 66, "Expected a 32-byte hex value.")
  .transform((s) => s.toLowerCase() as `0x${string}`);
export const signature = z
  .string()
  .refine((s) => isHex(s) && s.length >= 132 && s.length <= 4096, "Expected a hex signature.")
  .transform((s) => s as `0x${string}`);
export const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "Expected an address.")
  .transform((s) => getAddress(s));

export async function dealIdFrom(params: Promise<{ id: string }>): Promise<bigint> {
  return parseWith(dealIdParam, (await params).id);
}
