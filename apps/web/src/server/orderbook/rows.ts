import { encodeOrderLink, type SignedOrderWithSignature } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import type { signedOrders } from "./schema";

export type OrderRow = typeof signedOrders.$inferSelect;
export type OrderStatus = "open" | "filled" | "cancelled" | "unfillable";

/**
 * The price sort key: floor(buyAmount * 2^512 / sellAmount). It orders exactly like comparing
 * `buyAmount * other.sellAmount` with `other.buyAmount * sellAmount`: two different prices with
 * amounts below 2^256 differ by more than 2^-512, so their keys differ; equal prices tie.
 */
export const PRICE_SCALE = 1n << 512n;
export const priceKeyOf = (sellAmount: bigint, buyAmount: bigint) => (buyAmount * PRICE_SCALE) / sellAmount;

export function rowValues(signed: SignedOrderWithSignature, orderHash: Hex, filled: bigint) {
  const { order } = signed;
  return {
    orderHash,
    chainId: signed.chainId,
    verifyingContract: signed.verifyingContract,
    maker: order.maker,
    taker: order.taker,
    sellToken: order.sellToken,
    sellAmount: order.sellAmount.toString(),
    buyToken: order.buyToken,
    buyAmount: order.buyAmount.toString(),
    expiry: order.expiry.toString(),
    nonce: order.nonce.toString(),
    partialFills: order.partialFills,
    signature: signed.signature,
    priceKey: priceKeyOf(order.sellAmount, order.buyAmount).toString(),
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
 * An order as the API returns it: amounts as decimal strings, plus `link`, the SDK's share-link
 * encoding of the whole signed order (what the offer page reads), so the book and links agree.
 */
export function publicOrder(row: OrderRow) {
  const signed = signedOf(row);
  const remaining = row.status === "open" || row.status === "unfillable" ? BigInt(row.sellAmount) - BigInt(row.filledAmount) : 0n;
  return {
    orderHash: row.orderHash,
    chainId: row.chainId,
    verifyingContract: row.verifyingContract,
    order: {
      maker: row.maker,
      taker: row.taker,
      sellToken: row.sellToken,
      sellAmount: row.sellAmount,
      buyToken: row.buyToken,
      buyAmount: row.buyAmount,
      expiry: row.expiry,
      nonce: row.nonce,
      partialFills: row.partialFills,
    },
    signature: row.signature,
    status: row.status as OrderStatus,
    unfillableReason: row.unfillableReason,
    filledAmount: row.filledAmount,
    remaining: remaining.toString(),
    link: encodeOrderLink(signed),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type PublicOrder = ReturnType<typeof publicOrder>;
