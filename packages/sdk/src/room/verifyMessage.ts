import { type Address, type Hex, isAddressEqual, recoverTypedDataAddress, type TypedDataDomain } from "viem";
import {
  type RoomKeyWrapStatement,
  roomKeyWrapTypedData,
  type RoomMessage,
  roomMessageTypedData,
  type SessionKeyAuthorization,
  sessionKeyTypedData,
} from "./typedData.js";

/** A session key's one-time authorization by its wallet, as carried next to what the key signed. */
export type SessionKeyProof = { authorization: SessionKeyAuthorization; signature: Hex };

/** A message as stored and shown: what was signed, its signature, and the key's authorization when a session key signed. */
export type SignedRoomMessage = {
  message: RoomMessage;
  signature: Hex;
  /** Present when a session key signed: the wallet's one-time authorization of that key. */
  sessionKey?: SessionKeyProof;
};

/** A deal-key wrap's statement as signed by its author (wallet or session key). */
export type SignedRoomKeyWrap = { statement: RoomKeyWrapStatement; signature: Hex; sessionKey?: SessionKeyProof };

/**
 * Verifies a typed-data signature for an address. Pass viem's `verifyTypedData` for EOAs only, or
 * `publicClient.verifyTypedData` to include smart-contract wallets (EIP-1271 / ERC-6492).
 */
export type TypedDataVerifier = (args: {
  address: Address;
  signature: Hex;
  domain: TypedDataDomain;
  types: Record<string, readonly { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
}) => Promise<boolean>;

export type RoomMessageCheck = { ok: true; signer: Address; via: "wallet" | "sessionKey" } | { ok: false; reason: string };
export type RoomSignatureOptions = { chainId: number; room: string; verifyTypedData: TypedDataVerifier };

/**
 * Checks that `message.author` wrote the message: either the author's wallet signed it, or a
 * session key signed it that the author authorized for this room (`room`) and that had not
 * expired when the message was sent.
 */
export function verifyRoomMessage(signed: SignedRoomMessage, options: RoomSignatureOptions): Promise<RoomMessageCheck> {
  const { message } = signed;
  return verifyAuthored(message.author, roomMessageTypedData(options.chainId, message), message.sentAt, signed, options);
}

/** Checks that `statement.author` signed this deal-key wrap (wallet, or its session key for `room`). */
export function verifyRoomKeyWrap(signed: SignedRoomKeyWrap, options: RoomSignatureOptions): Promise<RoomMessageCheck> {
  const { statement } = signed;
  return verifyAuthored(statement.author, roomKeyWrapTypedData(options.chainId, statement), statement.signedAt, signed, options);
}

type AnyTypedData = {
  domain: TypedDataDomain;
  types: Record<string, readonly { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
};

async function verifyAuthored(
  author: Address,
  typed: AnyTypedData,
  signedAt: bigint,
  { signature, sessionKey }: { signature: Hex; sessionKey?: SessionKeyProof },
  options: RoomSignatureOptions,
): Promise<RoomMessageCheck> {
  if (!sessionKey) {
    const ok = await safe(() => options.verifyTypedData({ address: author, signature, ...typed }));
    return ok ? { ok: true, signer: author, via: "wallet" } : { ok: false, reason: "The signature is not the author's." };
  }
  const { authorization } = sessionKey;
  if (authorization.room !== options.room) return { ok: false, reason: "The session key was authorized for another site." };
  if (authorization.expiry < signedAt) return { ok: false, reason: "The session key had expired when the message was sent." };
  let signer: Address;
  try {
    signer = await recoverTypedDataAddress({ ...(typed as Parameters<typeof recoverTypedDataAddress>[0]), signature });
  } catch {
    return { ok: false, reason: "The message signature is malformed." };
  }
  if (!isAddressEqual(signer, authorization.key)) return { ok: false, reason: "The message was not signed by the authorized session key." };
  const typedAuth = sessionKeyTypedData(options.chainId, authorization);
  const authorized = await safe(() => options.verifyTypedData({ address: author, signature: sessionKey.signature, ...typedAuth }));
  return authorized ? { ok: true, signer, via: "sessionKey" } : { ok: false, reason: "The author did not authorize this session key." };
}

async function safe(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}
