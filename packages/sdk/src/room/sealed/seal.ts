import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { randomBytes } from "@noble/hashes/utils.js";
import { associatedData, type DealContext, type SealedItemKind } from "./context.js";
import { concatBytes } from "./encoding.js";
import { SealedItemError } from "./errors.js";

/**
 * A deal's private items are sealed with its random 32-byte deal key: XChaCha20-Poly1305
 * (@noble/ciphers) with a random 24-byte nonce and the deal context and item kind as
 * associated data. Format v1, bytes: 0x01 | nonce (24) | ciphertext and tag.
 * The first byte is the format version, so a later scheme can still read v1 items.
 */
export const SEALED_ITEM_VERSION = 1;
export const DEAL_KEY_BYTES = 32;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;

/** A fresh random deal key (the seller's browser draws one per deal). */
export function newDealKey(): Uint8Array {
  return randomBytes(DEAL_KEY_BYTES);
}

function checkKey(dealKey: Uint8Array): void {
  if (dealKey.length !== DEAL_KEY_BYTES) throw new RangeError(`a deal key is ${DEAL_KEY_BYTES} bytes, not ${dealKey.length}`);
}

export function sealBytes(dealKey: Uint8Array, plaintext: Uint8Array, context: DealContext, kind: SealedItemKind): Uint8Array {
  checkKey(dealKey);
  const nonce = randomBytes(NONCE_BYTES);
  const aad = associatedData(SEALED_ITEM_VERSION, `item:${kind}`, context, "");
  return concatBytes(Uint8Array.of(SEALED_ITEM_VERSION), nonce, xchacha20poly1305(dealKey, nonce, aad).encrypt(plaintext));
}

export function openBytes(dealKey: Uint8Array, sealed: Uint8Array, context: DealContext, kind: SealedItemKind): Uint8Array {
  checkKey(dealKey);
  if (sealed.length === 0) throw new SealedItemError("malformed", "empty");
  if (sealed[0] !== SEALED_ITEM_VERSION) throw new SealedItemError("unsupported-version", `format ${sealed[0]}`);
  if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES) throw new SealedItemError("malformed", "too short");
  const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
  const aad = associatedData(SEALED_ITEM_VERSION, `item:${kind}`, context, "");
  try {
    return xchacha20poly1305(dealKey, nonce, aad).decrypt(sealed.subarray(1 + NONCE_BYTES));
  } catch {
    throw new SealedItemError("cannot-open");
  }
}

export function sealText(dealKey: Uint8Array, plaintext: string, context: DealContext, kind: SealedItemKind): Uint8Array {
  return sealBytes(dealKey, new TextEncoder().encode(plaintext), context, kind);
}

export function openText(dealKey: Uint8Array, sealed: Uint8Array, context: DealContext, kind: SealedItemKind): string {
  const bytes = openBytes(dealKey, sealed, context, kind);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new SealedItemError("malformed", "not UTF-8 text");
  }
}
