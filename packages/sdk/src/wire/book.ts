import { z } from "zod";
import type { SignedOrderWithSignature } from "../signed/order.js";
import { encodeSignedOrder, type SignedOrderWire, signedOrderShape } from "./order.js";
import { hex32Schema, uintStringSchema } from "./primitives.js";

/**
 * An order book entry as JSON (GET and POST /api/orders): the signed order's fields (its own
 * codec), the book's view of it (status, filled and remaining sell amounts) and `link`, the
 * share-link encoding of the signed order. The server writes it with `encodeBookEntry`, the
 * browser reads it with `bookEntryWireSchema`.
 */
export const bookOrderStatusSchema = z.enum(["open", "filled", "cancelled", "unfillable"]);
export type BookOrderStatus = z.infer<typeof bookOrderStatusSchema>;

/** A book entry with real bigints and dates. */
export type BookEntry = {
  orderHash: `0x${string}`;
  signed: SignedOrderWithSignature;
  status: BookOrderStatus;
  /** A SignedSwap error name when the book found the order unfillable. */
  unfillableReason: string | null;
  filledAmount: bigint;
  remaining: bigint;
  /** The SDK's share-link encoding of `signed` (`encodeOrderLink`). */
  link: string;
  createdAt: Date;
  updatedAt: Date;
};

const isoDate = z
  .string()
  .datetime({ offset: true })
  .transform((s) => new Date(s));

export const bookEntryWireSchema = z
  .object({
    orderHash: hex32Schema,
    ...signedOrderShape,
    status: bookOrderStatusSchema,
    unfillableReason: z.string().nullable(),
    filledAmount: uintStringSchema("uint256"),
    remaining: uintStringSchema("uint256"),
    link: z.string(),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .transform(
    ({ chainId, verifyingContract, order, signature, ...entry }): BookEntry => ({
      ...entry,
      signed: { chainId, verifyingContract, order, signature },
    }),
  );

/** The JSON form `bookEntryWireSchema` reads. */
export type BookEntryWire = z.input<typeof bookEntryWireSchema>;

export function encodeBookEntry({ signed, ...entry }: BookEntry): BookEntryWire {
  const wire: SignedOrderWire = encodeSignedOrder(signed);
  return {
    orderHash: entry.orderHash,
    ...wire,
    status: entry.status,
    unfillableReason: entry.unfillableReason,
    filledAmount: entry.filledAmount.toString(),
    remaining: entry.remaining.toString(),
    link: entry.link,
    createdAt: entry.createdAt.toISOString(),
    updatedAt: entry.updatedAt.toISOString(),
  };
}

/** GET /api/orders: one page of the book and the cursor of the next. */
export const bookPageWireSchema = z.object({ orders: z.array(bookEntryWireSchema), nextCursor: z.string().nullable() });
/** POST /api/orders: the stored entry. */
export const bookPostReplyWireSchema = z.object({ order: bookEntryWireSchema });
