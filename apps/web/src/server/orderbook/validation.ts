import { describeSignedSwapError, type SignedOrderWithSignature } from "@peerlock/sdk";
import { getAddress, isAddress, isHex } from "viem";
import { z } from "zod";

/** Addresses as wallets write them: all lower case, or with a correct EIP-55 checksum. */
export const addressInput = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "Expected a 0x address of 40 hex digits.")
  .refine((s) => s === s.toLowerCase() || isAddress(s, { strict: true }), "The address's checksum (its mix of capitals) is wrong.")
  .transform((s) => getAddress(s));

const MAX = { uint256: (1n << 256n) - 1n, uint64: (1n << 64n) - 1n };

/** A whole number as a decimal string (JSON has no bigints), within the Solidity type. */
const uintString = (bits: keyof typeof MAX) =>
  z
    .string()
    .regex(/^(0|[1-9][0-9]{0,77})$/, "Expected a whole number written as a decimal string.")
    .transform((s) => BigInt(s))
    .refine((n) => n <= MAX[bits], `The number does not fit in a ${bits}.`);

const positive = uintString("uint256").refine((n) => n > 0n, describeSignedSwapError("ZeroAmount"));

export const orderInput = z.strictObject({
  maker: addressInput,
  taker: addressInput,
  sellToken: addressInput,
  sellAmount: positive,
  buyToken: addressInput,
  buyAmount: positive,
  expiry: uintString("uint64"),
  nonce: uintString("uint256"),
  partialFills: z.boolean(),
});

/** POST /api/orders: the order, where it is valid, and the maker's signature (65 bytes, or longer for EIP-1271 wallets). */
export const postOrderInput = z
  .strictObject({
    chainId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    verifyingContract: addressInput,
    order: orderInput,
    signature: z
      .string()
      .refine(
        (s) => isHex(s, { strict: true }) && s.length % 2 === 0 && s.length >= 4 && s.length <= 2 + 2 * 2048,
        "Expected the signature as 0x hex bytes.",
      )
      .transform((s) => s.toLowerCase() as `0x${string}`),
  })
  .transform((v): SignedOrderWithSignature => v);

export const orderHashParam = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "Expected an order hash: 0x and 64 hex digits.")
  .transform((s) => s.toLowerCase() as `0x${string}`);

export const MAX_PAGE_SIZE = 100;

/** GET /api/orders: filters, sort and the cursor the previous page returned. */
export const listOrdersQuery = z.strictObject({
  sellToken: addressInput.optional(),
  buyToken: addressInput.optional(),
  maker: addressInput.optional(),
  sort: z.enum(["newest", "priceAsc", "priceDesc"]).default("newest"),
  limit: z
    .string()
    .regex(/^[0-9]{1,4}$/, `Expected a whole number from 1 to ${MAX_PAGE_SIZE}.`)
    .transform(Number)
    .pipe(
      z.number().int().min(1, `Expected a whole number from 1 to ${MAX_PAGE_SIZE}.`).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} orders per page.`),
    )
    .default("50"),
  cursor: z.string().max(200).optional(),
});

export type ListOrdersQuery = z.output<typeof listOrdersQuery>;
