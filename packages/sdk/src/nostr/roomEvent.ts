import { type Address, keccak256 } from "viem";
import { z } from "zod";
import { type DealContext, assertDealContext } from "../room/sealed/context.js";
import { fromText } from "../room/sealed/encoding.js";
import { roomKeyAttestationSchema } from "../room/sealed/identity.js";
import type { SignedRoomKeyWrap } from "../room/verifyMessage.js";
import { addressSchema, signatureSchema } from "../wire/primitives.js";
import { dealTermsWireSchema, decodeSessionKey, keyWrapWireSchema, roomMessageWireSchema, sessionKeyWireSchema } from "../wire/room.js";
import { type NostrEvent, type NostrEventTemplate, nowSeconds, PEERLOCK_PLATFORM, ROOM_ITEM_KIND, tagValue } from "./kinds.js";

/**
 * A deal-room item as a nostr event (kind ROOM_ITEM_KIND). Relays are public, so only what the
 * room server may see travels: sealed messages signed by their author, the seller's terms (public
 * text, private hash, details sealed), deal-key wraps signed by the party who wrapped them, and
 * wallets' RoomKey attestations. Tags name the room: `h` = "<chainId>:<escrow>:<dealId>" (the
 * one relays filter on) and, for people, `chain`, `escrow` and `deal`; `item` is the item's type.
 * Whoever reads an item still checks it (signature, termsHash, AEAD) before showing it: a relay
 * can withhold items, never make one up.
 */
export const roomItemWireSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("message"), author: addressSchema, message: roomMessageWireSchema }),
  z.strictObject({ type: z.literal("terms"), terms: dealTermsWireSchema }),
  z.strictObject({
    type: z.literal("wrap"),
    author: addressSchema,
    wrap: keyWrapWireSchema,
    signedAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    signature: signatureSchema,
    sessionKey: sessionKeyWireSchema.optional(),
  }),
  z.strictObject({ type: z.literal("key"), attestation: roomKeyAttestationSchema }),
]);
export type RoomItem = z.output<typeof roomItemWireSchema>;
export type RoomItemWire = z.input<typeof roomItemWireSchema>;
export type RoomItemType = RoomItem["type"];

/** A sealed message of 8,000 bytes is about 11 KiB of base64url; a wrap and its proof under 2 KiB. */
const MAX_CONTENT_CHARS = 24_000;

/** The room's name in the `h` tag: chain, escrow (lower case) and deal id. */
export function roomTag(context: DealContext): string {
  assertDealContext(context);
  return `${context.chainId}:${context.escrow.toLowerCase()}:${context.dealId}`;
}

/** Subscription filter for one deal room's items. */
export function roomFilter(context: DealContext, options: { since?: number; limit?: number } = {}) {
  return { kinds: [ROOM_ITEM_KIND], "#h": [roomTag(context)], ...options };
}

export function roomEventTemplate(context: DealContext, item: RoomItemWire, createdAt = nowSeconds()): NostrEventTemplate {
  return {
    kind: ROOM_ITEM_KIND,
    created_at: createdAt,
    tags: [
      ["h", roomTag(context)],
      ["chain", String(context.chainId)],
      ["escrow", context.escrow.toLowerCase()],
      ["deal", context.dealId.toString()],
      ["item", item.type],
      ["y", PEERLOCK_PLATFORM],
    ],
    content: JSON.stringify(item),
  };
}

export type RoomEventRead = { ok: true; item: RoomItem; createdAt: number } | { ok: false; reason: string };

/** Reads a room item for `context`, refusing events of another room, kind or shape. Signatures are the caller's to check. */
export function readRoomEvent(event: Pick<NostrEvent, "kind" | "tags" | "content" | "created_at">, context: DealContext): RoomEventRead {
  if (event.kind !== ROOM_ITEM_KIND) return { ok: false, reason: `Not a Peerlock room item (kind ${event.kind}).` };
  if (tagValue(event, "h") !== roomTag(context)) return { ok: false, reason: "The item belongs to another deal room." };
  if (event.content.length > MAX_CONTENT_CHARS) return { ok: false, reason: "The item is too long." };
  let json: unknown;
  try {
    json = JSON.parse(event.content);
  } catch {
    return { ok: false, reason: "The item is not JSON." };
  }
  const parsed = roomItemWireSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: `The item is not a room item: ${parsed.error.issues[0]?.message}` };
  if (tagValue(event, "item") !== parsed.data.type) return { ok: false, reason: "The item's type tag disagrees with its content." };
  return { ok: true, item: parsed.data, createdAt: event.created_at };
}

/** The signed statement a wrap item stands for (to check with `verifyRoomKeyWrap`). */
export function wrapItemStatement(item: Extract<RoomItem, { type: "wrap" }>, dealId: bigint): SignedRoomKeyWrap {
  return {
    statement: {
      author: item.author,
      dealId,
      reader: item.wrap.reader,
      readerPublicKey: item.wrap.readerPublicKey,
      wrapHash: keccak256(fromText(item.wrap.wrap)),
      signedAt: BigInt(item.signedAt),
    },
    signature: item.signature,
    sessionKey: decodeSessionKey(item.sessionKey),
  };
}

/**
 * The item's identity once verified, for dedup across relays and the server: one message per
 * author and clientId, one wrap per reader key and author, one attestation per wallet key. Terms
 * have one identity per deal: the first that matches termsHash wins. Only compute it after the
 * item checked out, or a forged item could shadow the real one.
 */
export function roomItemId(item: RoomItem): string {
  switch (item.type) {
    case "message":
      return `message:${lower(item.author)}:${item.message.clientId}`;
    case "terms":
      return "terms";
    case "wrap":
      return `wrap:${lower(item.wrap.reader)}:${item.wrap.readerPublicKey}:${lower(item.author)}`;
    case "key":
      return `key:${lower(item.attestation.wallet)}:${item.attestation.publicKey}`;
  }
}

const lower = (a: Address) => a.toLowerCase();
