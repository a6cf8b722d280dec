import { xchacha20poly1305 } from "@noble/ciphers/chacha.js";
import { x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, randomBytes } from "@noble/hashes/utils.js";
import type { Address } from "viem";
import { associatedData, type DealContext } from "./context.js";
import { concatBytes } from "./encoding.js";
import { SealedItemError } from "./errors.js";
import { DEAL_KEY_BYTES } from "./seal.js";

/**
 * A deal key wrapped to one reader's room key (public-key encryption, ECIES style, from audited
 * parts only): X25519 between a fresh ephemeral key and the reader's room public key, HKDF-SHA256
 * over the shared secret (salted with both public keys), XChaCha20-Poly1305 over the deal key
 * with the deal context and the reader (wallet and room key) as associated data, so a wrap cannot
 * be moved to another deal or presented as another reader's.
 * Format v1, bytes: 0x01 | ephemeral public key (32) | nonce (24) | wrapped key and tag (48).
 */
export const KEY_WRAP_VERSION = 1;
export const ROOM_PUBLIC_KEY_BYTES = 32;
const NONCE_BYTES = 24;
const WRAP_BYTES = 1 + ROOM_PUBLIC_KEY_BYTES + NONCE_BYTES + DEAL_KEY_BYTES + 16;
const KDF_INFO = new TextEncoder().encode(`peerlock-room|${KEY_WRAP_VERSION}|wrap-key`);

export type WrapReader = { wallet: Address; publicKey: Uint8Array };

function wrapAad(context: DealContext, reader: WrapReader): Uint8Array {
  return associatedData(KEY_WRAP_VERSION, "wrap", context, `${reader.wallet.toLowerCase()}|${bytesToHex(reader.publicKey)}`);
}

function keyEncryptionKey(shared: Uint8Array, ephemeralPublic: Uint8Array, readerPublic: Uint8Array): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPublic, readerPublic), KDF_INFO, 32);
}

export function wrapDealKey(dealKey: Uint8Array, reader: WrapReader, context: DealContext): Uint8Array {
  if (dealKey.length !== DEAL_KEY_BYTES) throw new RangeError(`a deal key is ${DEAL_KEY_BYTES} bytes, not ${dealKey.length}`);
  if (reader.publicKey.length !== ROOM_PUBLIC_KEY_BYTES) throw new RangeError(`a room public key is ${ROOM_PUBLIC_KEY_BYTES} bytes`);
  const ephemeralSecret = x25519.utils.randomSecretKey();
  const ephemeralPublic = x25519.getPublicKey(ephemeralSecret);
  // noble refuses low-order public keys here, so a bogus published key cannot force a known secret
  const shared = x25519.getSharedSecret(ephemeralSecret, reader.publicKey);
  const nonce = randomBytes(NONCE_BYTES);
  const kek = keyEncryptionKey(shared, ephemeralPublic, reader.publicKey);
  const wrapped = xchacha20poly1305(kek, nonce, wrapAad(context, reader)).encrypt(dealKey);
  return concatBytes(Uint8Array.of(KEY_WRAP_VERSION), ephemeralPublic, nonce, wrapped);
}

/** Opens a wrap with the reader's room secret key; throws SealedItemError when it is not theirs. */
export function unwrapDealKey(wrap: Uint8Array, reader: { wallet: Address; secretKey: Uint8Array }, context: DealContext): Uint8Array {
  if (wrap.length === 0) throw new SealedItemError("malformed", "empty wrap");
  if (wrap[0] !== KEY_WRAP_VERSION) throw new SealedItemError("unsupported-version", `wrap format ${wrap[0]}`);
  if (wrap.length !== WRAP_BYTES) throw new SealedItemError("malformed", "wrap length");
  const ephemeralPublic = wrap.subarray(1, 1 + ROOM_PUBLIC_KEY_BYTES);
  const nonce = wrap.subarray(1 + ROOM_PUBLIC_KEY_BYTES, 1 + ROOM_PUBLIC_KEY_BYTES + NONCE_BYTES);
  const readerPublic = x25519.getPublicKey(reader.secretKey);
  try {
    const shared = x25519.getSharedSecret(reader.secretKey, ephemeralPublic);
    const kek = keyEncryptionKey(shared, ephemeralPublic, readerPublic);
    return xchacha20poly1305(kek, nonce, wrapAad(context, { wallet: reader.wallet, publicKey: readerPublic })).decrypt(
      wrap.subarray(1 + ROOM_PUBLIC_KEY_BYTES + NONCE_BYTES),
    );
  } catch {
    throw new SealedItemError("cannot-open");
  }
}
