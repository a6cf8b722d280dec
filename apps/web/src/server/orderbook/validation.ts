import { addressSchema, signedOrderWireSchema } from "@peerlock/sdk";
import { z } from "zod";

/** POST /api/orders: the SDK's signed-order codec (the order, where it is valid, and the maker's signature). */
export const postOrderInput = signedOrderWireSchema;

export const orderHashParam = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "Expected an order hash: 0x and 64 hex digits.")
  .transform((s) => s.toLowerCase() as `0x${string}`);

export const MAX_PAGE_SIZE = 100;

/** GET /api/orders: filters, sort and the cursor the previous page returned. */
export const listOrdersQuery = z.strictObject({
  sellToken: addressSchema.optional(),
  buyToken: addressSchema.optional(),
  maker: addressSchema.optional(),
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
