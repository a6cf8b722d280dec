import type { Address, Hex } from "viem";
import { z } from "zod";
import { fromText } from "../room/sealed/encoding.js";
import { SealedItemError } from "../room/sealed/errors.js";
import { KEY_WRAP_VERSION } from "../room/sealed/wrap.js";
import { SEALED_ITEM_VERSION } from "../room/sealed/seal.js";
import type { SessionKeyProof, SignedRoomMessage } from "../room/verifyMessage.js";
import { addressSchema, hex32Schema, signatureSchema } from "./primitives.js";

/**
 * v3 deal-room wire formats (JSON bodies of /api/room and, later, Nostr events). Every private
 * item travels sealed (base64url of the SDK's versioned sealed-item bytes); the server and the
 * browser read them through these schemas only.
 */

/** Plaintext limits in UTF-8 bytes, checked by the author's browser before sealing. */
export const roomTextLimits = { details: 8_000, message: 8_000, evidenceBytes: 5 * 1024 * 1024 } as const;

/** Sealed text of at most `maxBytes` plaintext bytes (v1: 1 version byte, 24 nonce, 16 tag). */
export function sealedTextSchema(maxPlainBytes: number) {
  const maxChars = Math.ceil(((maxPlainBytes + 41) * 4) / 3);
  return z
    .string()
    .min(1, "Expected a sealed item.")
    .max(maxChars, `A sealed item is at most ${maxChars} characters.`)
    .regex(/^[A-Za-z0-9_-]+$/, "Expected a sealed item as base64url text.")
    .refine((s) => isSealedItem(s), "Expected a sealed item of a format this app knows.");
}

/** True when `text` decodes to a sealed item of a known version and a possible length. */
export function isSealedItem(text: string): boolean {
  try {
    const bytes = fromText(text);
    return isSealedBytes(bytes);
  } catch (error) {
    if (error instanceof SealedItemError) return false;
    throw error;
  }
}

export function isSealedBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 41 && bytes[0] === SEALED_ITEM_VERSION;
}

const sealedDetailsSchema = sealedTextSchema(roomTextLimits.details);
const sealedMessageSchema = sealedTextSchema(roomTextLimits.message);

/**
 * A deal's terms as the seller publishes them: the public text, the hash of the private details
 * (so anyone can check both against termsHash) and the details sealed with the deal key.
 */
export const dealTermsWireSchema = z.strictObject({
  publicTerms: z.string().max(4_000, "The public terms are at most 4000 characters."),
  privateDetailsHash: hex32Schema,
  sealedDetails: sealedDetailsSchema,
});
export type DealTermsWire = z.infer<typeof dealTermsWireSchema>;

/** v1 wrap: version, ephemeral key (32), nonce (24), deal key (32) and tag (16). */
const WRAP_V1_BYTES = 105;

/** A deal key wrapped to one reader's room key (public key as in the reader's RoomKey attestation). */
export const keyWrapWireSchema = z.strictObject({
  reader: addressSchema,
  readerPublicKey: hex32Schema,
  wrap: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, "Expected a key wrap as base64url text.")
    .refine((s) => {
      try {
        const bytes = fromText(s);
        return bytes.length === WRAP_V1_BYTES && bytes[0] === KEY_WRAP_VERSION;
      } catch {
        return false;
      }
    }, "Expected a key wrap of a format this app knows."),
});
export type KeyWrapWire = z.infer<typeof keyWrapWireSchema>;

/** A session key's authorization as it travels next to what the key signed (messages, key wraps). */
export const sessionKeyWireSchema = z.strictObject({
  key: addressSchema,
  room: z.string().max(255),
  expiry: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  signature: signatureSchema,
});

/**
 * One chat message as posted: `body` is the message text sealed with the deal key (kind
 * "message") and it is that sealed text the author signs (RoomMessage.body), so the server checks
 * the author without reading the text. `evidence` is the keccak256 of the sealed evidence bytes.
 */
export const roomMessageWireSchema = z.strictObject({
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "clientId must be 1 to 64 letters, digits, _ or -."),
  body: z.union([z.literal(""), sealedMessageSchema]),
  evidence: hex32Schema,
  sentAt: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  signature: signatureSchema,
  sessionKey: sessionKeyWireSchema.optional(),
});
export type RoomMessageWire = z.infer<typeof roomMessageWireSchema>;

/** The wire form of a message signed for `dealId` by `author`, as the browser posts it. */
export function encodeRoomMessage(signed: SignedRoomMessage): RoomMessageWire {
  const { message, sessionKey } = signed;
  return {
    clientId: message.clientId,
    body: message.body,
    evidence: message.evidence.toLowerCase() as Hex,
    sentAt: Number(message.sentAt),
    signature: signed.signature.toLowerCase() as Hex,
    sessionKey: sessionKey && {
      key: sessionKey.authorization.key,
      room: sessionKey.authorization.room,
      expiry: Number(sessionKey.authorization.expiry),
      signature: sessionKey.signature.toLowerCase() as Hex,
    },
  };
}

/** The signed message a wire message from `author` in `dealId` stands for (to verify it). */
export function decodeRoomMessage(wire: RoomMessageWire, author: Address, dealId: bigint): SignedRoomMessage {
  return {
    message: { author, dealId, clientId: wire.clientId, body: wire.body, evidence: wire.evidence, sentAt: BigInt(wire.sentAt) },
    signature: wire.signature,
    sessionKey: decodeSessionKey(wire.sessionKey),
  };
}

/** The session-key proof a wire authorization stands for (to verify what the key signed). */
export function decodeSessionKey(wire: z.infer<typeof sessionKeyWireSchema> | undefined): SessionKeyProof | undefined {
  return wire && { authorization: { key: wire.key, room: wire.room, expiry: BigInt(wire.expiry) }, signature: wire.signature };
}

/**
 * An evidence upload's metadata (the `meta` query parameter): the file's name and type as JSON,
 * sealed with the deal key (kind "evidence"), so the server learns only the sealed size.
 */
export const evidenceMetaWireSchema = z.strictObject({ meta: sealedTextSchema(1_024) });

/** The plaintext inside an evidence upload's sealed metadata. */
export const evidenceMetaSchema = z.strictObject({
  name: z.string().max(200),
  type: z.enum(["image/png", "image/jpeg", "image/webp", "application/pdf"]),
});
export type EvidenceMeta = z.infer<typeof evidenceMetaSchema>;
