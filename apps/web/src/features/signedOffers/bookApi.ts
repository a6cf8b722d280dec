import { type BookEntry, bookPageWireSchema, bookPostReplyWireSchema, encodeSignedOrder, type SignedOrderWithSignature } from "@peerlock/sdk";
import type { Address } from "viem";
import type { z } from "zod";

/** A book entry with real bigints: the SDK's codec reads the book's JSON (bookEntryWireSchema). */
export type BookOrder = BookEntry;

/** A refusal from the book, in its words; `reasons` are SignedSwap error names when it checked the order. */
export class OrderbookError extends Error {
  override name = "OrderbookError";
  constructor(
    message: string,
    readonly status: number,
    readonly reasons: string[] = [],
  ) {
    super(message);
  }
}

async function readReply<T>(res: Response, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  const body: unknown = await res.json().catch(() => ({}));
  if (!res.ok) {
    const refusal = body as { error?: string; reasons?: string[] };
    throw new OrderbookError(refusal.error ?? `The order book answered ${res.status}.`, res.status, refusal.reasons ?? []);
  }
  const reply = schema.safeParse(body);
  if (!reply.success) throw new OrderbookError("The order book sent a reply this app cannot read.", res.status);
  return reply.data;
}

export type SignedOrdersSort = "newest" | "priceAsc" | "priceDesc";
export type SignedOrdersFilter = { sellToken?: Address; buyToken?: Address; maker?: Address; sort?: SignedOrdersSort; limit?: number };
export type SignedOrdersPage = { orders: BookOrder[]; nextCursor: string | null };

/** One page of open signed orders (GET /api/orders). */
export async function fetchSignedOrders(filter: SignedOrdersFilter, cursor?: string, base = ""): Promise<SignedOrdersPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, cursor })) if (value !== undefined && value !== "") params.set(key, String(value));
  return readReply(await fetch(`${base}/api/orders?${params}`, { cache: "no-store" }), bookPageWireSchema);
}

/** Posts a signed order to the book (POST /api/orders): resolves to the stored entry, or throws OrderbookError. */
export async function postSignedOrder(signed: SignedOrderWithSignature, base = ""): Promise<BookOrder> {
  const res = await fetch(`${base}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(encodeSignedOrder(signed)),
  });
  return (await readReply(res, bookPostReplyWireSchema)).order;
}
