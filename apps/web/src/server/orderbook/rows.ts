import {
  type BookEntryWire,
  type BookOrderStatus,
  encodeBookEntry,
  encodeOrderLink,
  encodeSignedOrder,
  type SignedOrderWithSignature,
} from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import type { signedOrders } from "./schema";

export type OrderRow = typeof signedOrders.$inferSelect;
export type OrderStatus = BookOrderStatus;

/**
 * The price sort key: floor(buyAmount * 2^512 / sellAmount). It orders exactly like comparing
 * `buyAmount * other.sellAmount` with `other.buyAmount * sellAmount`: two different prices with
 * amounts below 2^256 differ by more than 2^-512, so their keys differ; equal prices tie.
 */
export const PRICE_SCALE = 1n << 512n;
export const priceKeyOf = (sellAmount: bigint, buyAmount: bigint) => (buyAmount * PRICE_SCALE) / sellAmount;

export function rowValues(signed: SignedOrderWithSignature, orderHash: Hex, filled: bigint) {
  const { chainId, verifyingContract, order, signature } = encodeSignedOrder(signed);
  return {
    orderHash,
    chainId,
    verifyingContract,
    ...order,
    signature,
    priceKey: priceKeyOf(signed.order.sellAmount, signed.order.buyAmount).toString(),
    filledAmount: filled.toString(),
  };
}

export function signedOf(row: OrderRow): SignedOrderWithSignature {
  return {
    chainId: row.chainId,
    verifyingContract: row.verifyingContract as Address,
    order: {
      maker: row.maker as Address,
      taker: row.taker as Address,
      sellToken: row.sellToken as Address,
      sellAmount: BigInt(row.sellAmount),
      buyToken: row.buyToken as Address,
      buyAmount: BigInt(row.buyAmount),
      expiry: BigInt(row.expiry),
      nonce: BigInt(row.nonce),
      partialFills: row.partialFills,
    },
    signature: row.signature as Hex,
  };
}

/**
 * An order as the API returns it: the SDK's book-entry codec, with `link`, the share-link
 * encoding of the whole signed order (what the offer page reads), so the book and links agree.
 */
export function publicOrder(row: OrderRow): BookEntryWire {
  const signed = signedOf(row);
  const remaining = row.status === "open" || row.status === "unfillable" ? BigInt(row.sellAmount) - BigInt(row.filledAmount) : 0n;
  return encodeBookEntry({
    orderHash: row.orderHash as Hex,
    signed,
    status: row.status as OrderStatus,
    unfillableReason: row.unfillableReason,
    filledAmount: BigInt(row.filledAmount),
    remaining,
    link: encodeOrderLink(signed),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  });
}

export type PublicOrder = BookEntryWire;
