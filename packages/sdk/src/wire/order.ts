import type { Hex } from "viem";
import { z } from "zod";
import { describeSignedSwapError } from "../errors.js";
import type { SignedOrderWithSignature } from "../signed/order.js";
import { addressSchema, chainIdSchema, signatureSchema, uintStringSchema } from "./primitives.js";

/**
 * A signed order as JSON (the order book's API, Nostr events, files): the EIP-712 order with its
 * uints as decimal strings, where it is valid, and the maker's signature. One codec for every
 * reader and writer: `signedOrderWireSchema.parse` validates and decodes, `encodeSignedOrder`
 * writes.
 */
const positive = uintStringSchema("uint256").refine((n) => n > 0n, describeSignedSwapError("ZeroAmount"));

export const orderWireSchema = z.strictObject({
  maker: addressSchema,
  taker: addressSchema,
  sellToken: addressSchema,
  sellAmount: positive,
  buyToken: addressSchema,
  buyAmount: positive,
  expiry: uintStringSchema("uint64"),
  nonce: uintStringSchema("uint256"),
  partialFills: z.boolean(),
});

/** The fields of a signed order, for formats that carry one with more (the book's entries). */
export const signedOrderShape = {
  chainId: chainIdSchema,
  verifyingContract: addressSchema,
  order: orderWireSchema,
  signature: signatureSchema,
};

export const signedOrderWireSchema = z.strictObject(signedOrderShape).transform((v): SignedOrderWithSignature => v);

/** The JSON form `signedOrderWireSchema` reads. */
export type SignedOrderWire = z.input<typeof signedOrderWireSchema>;

export function encodeSignedOrder(signed: SignedOrderWithSignature): SignedOrderWire {
  const { order } = signed;
  return {
    chainId: signed.chainId,
    verifyingContract: signed.verifyingContract,
    order: {
      maker: order.maker,
      taker: order.taker,
      sellToken: order.sellToken,
      sellAmount: order.sellAmount.toString(),
      buyToken: order.buyToken,
      buyAmount: order.buyAmount.toString(),
      expiry: order.expiry.toString(),
      nonce: order.nonce.toString(),
      partialFills: order.partialFills,
    },
    signature: signed.signature.toLowerCase() as Hex,
  };
}
