import { x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { type Address, bytesToHex, getAddress, type Hex, hexToBytes, isHex } from "viem";
import { z } from "zod";
import { roomTypedDataDomain } from "../typedData.js";
import type { TypedDataVerifier } from "../verifyMessage.js";

/**
 * Each wallet has a room key pair (X25519). By default it is derived from the wallet's signature
 * of a fixed EIP-712 message, so the same wallet has the same key in every browser. A wallet whose
 * signatures differ from one call to the next, or a contract wallet, gets a random key kept in
 * the browser instead. Either way the public key is published with a wallet-signed RoomKey
 * attestation that anyone can check.
 */
export const ROOM_IDENTITY_PURPOSE =
  "Peerlock deal room key. Signing this only creates your key for reading private deal details; it moves no funds. Sign it only on the Peerlock app.";

export const roomKeyTypes = {
  RoomIdentity: [
    { name: "wallet", type: "address" },
    { name: "chainId", type: "uint256" },
    { name: "purpose", type: "string" },
  ],
  RoomKey: [
    { name: "wallet", type: "address" },
    { name: "publicKey", type: "bytes32" },
    { name: "expiry", type: "uint64" },
  ],
} as const;

export type RoomKeyPair = { secretKey: Uint8Array; publicKey: Uint8Array };
export type RoomKeySource = "derived" | "random";

export function roomIdentityTypedData(wallet: Address, chainId: number) {
  return {
    domain: roomTypedDataDomain(chainId),
    types: { RoomIdentity: roomKeyTypes.RoomIdentity },
    primaryType: "RoomIdentity" as const,
    message: { wallet: getAddress(wallet), chainId: BigInt(chainId), purpose: ROOM_IDENTITY_PURPOSE },
  };
}

const DERIVATION_SALT = new TextEncoder().encode("peerlock-room|1|room-key");

/** The room key pair that a RoomIdentity signature determines: HKDF-SHA256 over its bytes. */
export function roomKeyFromSignature(signature: Hex, wallet: Address, chainId: number): RoomKeyPair {
  if (!isHex(signature) || signature.length < 132) throw new Error("a RoomIdentity signature is at least 65 bytes of hex");
  const info = new TextEncoder().encode(`${wallet.toLowerCase()}|${chainId}`);
  const secretKey = hkdf(sha256, hexToBytes(signature), DERIVATION_SALT, info, 32);
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export function randomRoomKey(): RoomKeyPair {
  const secretKey = x25519.utils.randomSecretKey();
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

export function roomKeyFromSecret(secretKey: Uint8Array): RoomKeyPair {
  return { secretKey, publicKey: x25519.getPublicKey(secretKey) };
}

/**
 * Chooses a wallet's room key: asks for the RoomIdentity signature twice and derives the key when
 * both agree; otherwise (or for a contract wallet) uses `randomKey()`, which should return the key
 * this browser already keeps for the wallet, or a new one to keep.
 */
export async function establishRoomKey(args: {
  wallet: Address;
  chainId: number;
  isContract: boolean;
  signTypedData: (typedData: ReturnType<typeof roomIdentityTypedData>) => Promise<Hex>;
  randomKey: () => RoomKeyPair | Promise<RoomKeyPair>;
}): Promise<RoomKeyPair & { source: RoomKeySource }> {
  if (!args.isContract) {
    const typedData = roomIdentityTypedData(args.wallet, args.chainId);
    const first = await args.signTypedData(typedData);
    const second = await args.signTypedData(typedData);
    if (first.toLowerCase() === second.toLowerCase()) return { ...roomKeyFromSignature(first, args.wallet, args.chainId), source: "derived" };
  }
  return { ...(await args.randomKey()), source: "random" };
}

/** A wallet's signed statement that `publicKey` is its room key until `expiry` (unix seconds; 0 = no expiry). */
export type RoomKeyAttestation = { wallet: Address; publicKey: Hex; expiry: bigint; signature: Hex };

const hex32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, "a 32-byte hex value");
/** The attestation as JSON on the wire (expiry as a decimal string). */
export const roomKeyAttestationSchema = z
  .object({
    wallet: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "an address"),
    publicKey: hex32,
    expiry: z.string().regex(/^(0|[1-9]\d{0,19})$/, "unix seconds"),
    signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "hex bytes"),
  })
  .strict()
  .transform((v) => ({
    wallet: getAddress(v.wallet),
    publicKey: v.publicKey.toLowerCase() as Hex,
    expiry: BigInt(v.expiry),
    signature: v.signature as Hex,
  }))
  .refine((v) => v.expiry < 1n << 64n, "expiry must fit uint64");

export function encodeRoomKeyAttestation(a: RoomKeyAttestation) {
  return { wallet: a.wallet, publicKey: a.publicKey, expiry: a.expiry.toString(), signature: a.signature };
}

export function roomKeyTypedData(chainId: number, statement: { wallet: Address; publicKey: Uint8Array | Hex; expiry: bigint }) {
  const publicKey = typeof statement.publicKey === "string" ? statement.publicKey : bytesToHex(statement.publicKey);
  return {
    domain: roomTypedDataDomain(chainId),
    types: { RoomKey: roomKeyTypes.RoomKey },
    primaryType: "RoomKey" as const,
    message: { wallet: getAddress(statement.wallet), publicKey, expiry: statement.expiry },
  };
}

/** True when the wallet signed the attestation and it has not expired at `nowSeconds`. */
export async function verifyRoomKeyAttestation(
  attestation: RoomKeyAttestation,
  chainId: number,
  verify: TypedDataVerifier,
  nowSeconds: bigint,
): Promise<boolean> {
  if (attestation.expiry !== 0n && attestation.expiry <= nowSeconds) return false;
  const typedData = roomKeyTypedData(chainId, attestation);
  try {
    return await verify({ address: attestation.wallet, signature: attestation.signature, ...typedData });
  } catch {
    return false;
  }
}

export function publicKeyBytes(attestation: Pick<RoomKeyAttestation, "publicKey">): Uint8Array {
  return hexToBytes(attestation.publicKey);
}
