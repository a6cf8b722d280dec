import type { SignedOrderWithSignature } from "@peerlock/sdk";
import type { Address, Hex } from "viem";

/** An order as the book's API sends it: uint256s as decimal strings. */
export type WireOrder = {
  orderHash: Hex;
  chainId: number;
  verifyingContract: Address;
  order: {
    maker: Address;
    taker: Address;
    sellToken: Address;
    sellAmount: string;
    buyToken: Address;
    buyAmount: string;
    expiry: string;
    nonce: string;
    partialFills: boolean;
  };
  signature: Hex;
  status: BookOrderStatus;
  unfillableReason: string | null;
  filledAmount: string;
  remaining: string;
  link: string;
  createdAt: string;
  updatedAt: string;
};

export type BookOrderStatus = "open" | "filled" | "cancelled" | "unfillable";

/** A book entry with real bigints. */
export type BookOrder = {
  orderHash: Hex;
  signed: SignedOrderWithSignature;
  status: BookOrderStatus;
  unfillableReason: string | null;
  filledAmount: bigint;
  remaining: bigint;
  /** The SDK's share-link encoding of `signed`: open it with `signedOfferPath`. */
  link: string;
  createdAt: Date;
};

export function fromWire(w: WireOrder): BookOrder {
  return {
    orderHash: w.orderHash,
    signed: {
      chainId: w.chainId,
      verifyingContract: w.verifyingContract,
      order: {
        ...w.order,
        sellAmount: BigInt(w.order.sellAmount),
        buyAmount: BigInt(w.order.buyAmount),
        expiry: BigInt(w.order.expiry),
        nonce: BigInt(w.order.nonce),
      },
      signature: w.signature,
    },
    status: w.status,
    unfillableReason: w.unfillableReason,
    filledAmount: BigInt(w.filledAmount),
    remaining: BigInt(w.remaining),
    link: w.link,
    createdAt: new Date(w.createdAt),
  };
}

/** The JSON body POST /api/orders takes. */
export function toPostBody(signed: SignedOrderWithSignature) {
  const { order } = signed;
  return {
    chainId: signed.chainId,
    verifyingContract: signed.verifyingContract,
    order: {
      ...order,
      sellAmount: order.sellAmount.toString(),
      buyAmount: order.buyAmount.toString(),
      expiry: order.expiry.toString(),
      nonce: order.nonce.toString(),
    },
    signature: signed.signature,
  };
}

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

async function readReply<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => ({}))) as { error?: string; reasons?: string[] } & T;
  if (!res.ok) throw new OrderbookError(body.error ?? `The order book answered ${res.status}.`, res.status, body.reasons ?? []);
  return body;
}

export type SignedOrdersSort = "newest" | "priceAsc" | "priceDesc";
export type SignedOrdersFilter = { sellToken?: Address; buyToken?: Address; maker?: Address; sort?: SignedOrdersSort; limit?: number };
export type SignedOrdersPage = { orders: BookOrder[]; nextCursor: string | null };

/** One page of open signed orders (GET /api/orders). */
export async function fetchSignedOrders(filter: SignedOrdersFilter, cursor?: string, base = ""): Promise<SignedOrdersPage> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, cursor })) if (value !== undefined && value !== "") params.set(key, String(value));
  const reply = await readReply<{ orders: WireOrder[]; nextCursor: string | null }>(
    await fetch(`${base}/api/orders?${params}`, { cache: "no-store" }),
  );
  return { orders: reply.orders.map(fromWire), nextCursor: reply.nextCursor };
}

/** Posts a signed order to the book (POST /api/orders): resolves to the stored entry, or throws OrderbookError. */
export async function postSignedOrder(signed: SignedOrderWithSignature, base = ""): Promise<BookOrder> {
  const res = await fetch(`${base}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(toPostBody(signed)),
  });
  return fromWire((await readReply<{ order: WireOrder }>(res)).order);
}
