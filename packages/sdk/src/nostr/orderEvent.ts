import { type Address, recoverTypedDataAddress, isAddressEqual, type Hex } from "viem";
import { hashOrder, orderTypedData, type SignedOrderWithSignature } from "../signed/order.js";
import { encodeSignedOrder, signedOrderWireSchema } from "../wire/order.js";
import { caip2, type NostrEvent, type NostrEventTemplate, nowSeconds, ORDER_EVENT_KIND, PEERLOCK_PLATFORM, tagValue } from "./kinds.js";

/**
 * A signed offer as a NIP-69 peer-to-peer order event (kind 38383). The event's content is the
 * signed order's wire JSON (EIP-712 order, venue and maker signature): that is what the app
 * trusts. The NIP-69 tags restate it for other NIP-69 clients and for relay filters, and a reader
 * refuses an event whose tags disagree with its content, so no client is shown other terms than
 * the ones that fill.
 *
 * Tag mapping (NIP-69 speaks of bitcoin for fiat; here the maker sells one token for another):
 * `d` order hash · `k` "sell" (the maker sells `sellToken`) · `f` the token asked in return ·
 * `s` status · `amt` sellAmount and `fa` buyAmount in base units · `pm` "peerlock-signed-swap" ·
 * `premium` "0" · `network` CAIP-2 chain · `layer` "onchain" · `expiration` the order's expiry
 * (NIP-40, so relays may drop it then) · `y` "peerlock" · `z` "order". Peerlock adds
 * `sell_token`, `contract` (the SignedSwap) and `maker`.
 */
export const orderEventStatuses = ["pending", "canceled", "in-progress", "success", "expired"] as const;
export type OrderEventStatus = (typeof orderEventStatuses)[number];

export const ORDER_PAYMENT_METHOD = "peerlock-signed-swap";
/** A signed order's JSON is well under 2 KiB even with a long EIP-1271 signature. */
const MAX_CONTENT_CHARS = 8_192;

export function orderEventTemplate(
  signed: SignedOrderWithSignature,
  { status = "pending", createdAt = nowSeconds(), source }: { status?: OrderEventStatus; createdAt?: number; source?: string } = {},
): NostrEventTemplate {
  const { order } = signed;
  const tags = [
    ["d", hashOrder(order, signed)],
    ["k", "sell"],
    ["f", order.buyToken.toLowerCase()],
    ["s", status],
    ["amt", order.sellAmount.toString()],
    ["fa", order.buyAmount.toString()],
    ["pm", ORDER_PAYMENT_METHOD],
    ["premium", "0"],
    ["network", caip2(signed.chainId)],
    ["layer", "onchain"],
    ...(order.expiry > 0n && order.expiry <= BigInt(Number.MAX_SAFE_INTEGER) ? [["expiration", order.expiry.toString()]] : []),
    ["y", PEERLOCK_PLATFORM],
    ["z", "order"],
    ["sell_token", order.sellToken.toLowerCase()],
    ["contract", signed.verifyingContract.toLowerCase()],
    ["maker", order.maker.toLowerCase()],
    ...(source ? [["source", source]] : []),
  ];
  return { kind: ORDER_EVENT_KIND, created_at: createdAt, tags, content: JSON.stringify(encodeSignedOrder(signed)) };
}

/** Subscription filter for Peerlock's signed offers (all chains: the reader keeps its own). */
export function orderFilter(options: { since?: number; limit?: number } = {}) {
  return { kinds: [ORDER_EVENT_KIND], "#y": [PEERLOCK_PLATFORM], ...options };
}

export type OrderEventRead =
  | { ok: true; signed: SignedOrderWithSignature; hash: Hex; status: OrderEventStatus; createdAt: number }
  | { ok: false; reason: string };

const refuse = (reason: string): OrderEventRead => ({ ok: false, reason });

/**
 * Reads a signed offer from a NIP-69 event, checking everything that needs no chain: the kind,
 * the content against the signed-order codec, `d` = the order's EIP-712 hash and every NIP-69 tag
 * against the order. It does not check the maker's signature or the chain: run
 * `verifyOrderSignature` (local ECDSA) and `checkOrder` (SignedSwap.check), or the app's own
 * verifier for EIP-1271 wallets, before showing the order.
 */
export function readOrderEvent(event: Pick<NostrEvent, "kind" | "tags" | "content" | "created_at">): OrderEventRead {
  if (event.kind !== ORDER_EVENT_KIND) return refuse(`Not a NIP-69 order event (kind ${event.kind}).`);
  if (tagValue(event, "y") !== PEERLOCK_PLATFORM || tagValue(event, "z") !== "order") return refuse("Not a Peerlock order.");
  if (event.content.length > MAX_CONTENT_CHARS) return refuse("The order's content is too long.");
  let json: unknown;
  try {
    json = JSON.parse(event.content);
  } catch {
    return refuse("The order's content is not JSON.");
  }
  const parsed = signedOrderWireSchema.safeParse(json);
  if (!parsed.success) return refuse(`The order's content is not a signed order: ${parsed.error.issues[0]?.message}`);
  const signed = parsed.data;
  const { order } = signed;
  const hash = hashOrder(order, signed);
  const status = tagValue(event, "s") as OrderEventStatus;
  if (!orderEventStatuses.includes(status)) return refuse("The order's status tag is missing or unknown.");
  const expected: Record<string, string | undefined> = {
    d: hash,
    k: "sell",
    f: order.buyToken.toLowerCase(),
    amt: order.sellAmount.toString(),
    fa: order.buyAmount.toString(),
    network: caip2(signed.chainId),
    sell_token: order.sellToken.toLowerCase(),
    contract: signed.verifyingContract.toLowerCase(),
    maker: order.maker.toLowerCase(),
  };
  for (const [name, value] of Object.entries(expected)) {
    if (tagValue(event, name)?.toLowerCase() !== value) return refuse(`The order's "${name}" tag disagrees with the signed order.`);
  }
  const expiration = tagValue(event, "expiration");
  if (expiration !== undefined && expiration !== order.expiry.toString())
    return refuse(`The order's "expiration" tag disagrees with the signed order.`);
  return { ok: true, signed, hash, status, createdAt: event.created_at };
}

/**
 * True when the maker's own key signed the order (ECDSA). False for a bad signature and for
 * EIP-1271 contract wallets alike: check those through a node (viem's `verifyTypedData` on a
 * client, or `SignedSwap.check`).
 */
export async function isSignedByMakerKey(signed: SignedOrderWithSignature): Promise<boolean> {
  try {
    const signer: Address = await recoverTypedDataAddress({ ...orderTypedData(signed.order, signed), signature: signed.signature });
    return isAddressEqual(signer, signed.order.maker);
  } catch {
    return false;
  }
}
