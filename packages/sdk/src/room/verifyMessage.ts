import { type Address, type Hex, isAddressEqual, recoverTypedDataAddress, type TypedDataDomain } from "viem";
import { type RoomMessage, roomMessageTypedData, type SessionKeyAuthorization, sessionKeyTypedData } from "./typedData.js";

/** A message as stored and shown: what was signed, its signature, and the key's authorization when a session key signed. */
export type SignedRoomMessage = {
  message: RoomMessage;
  signature: Hex;
  /** Present when a session key signed: the wallet's one-time authorization of that key. */
  sessionKey?: { authorization: SessionKeyAuthorization; signature: Hex };
};

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

/**
 * Checks that `message.author` wrote the message: either the author's wallet signed it, or a
 * session key signed it that the author authorized for this room (`room`) and that had not
 * expired when the message was sent.
 */
export async function verifyRoomMessage(
  signed: SignedRoomMessage,
  options: { chainId: number; room: string; verifyTypedData: TypedDataVerifier },
): Promise<RoomMessageCheck> {
  const { message, signature, sessionKey } = signed;
  const typedMessage = roomMessageTypedData(options.chainId, message);
  if (!sessionKey) {
    const ok = await safe(() => options.verifyTypedData({ address: message.author, signature, ...typedMessage }));
    return ok ? { ok: true, signer: message.author, via: "wallet" } : { ok: false, reason: "The signature is not the author's." };
  }
  const { authorization } = sessionKey;
  if (authorization.room !== options.room) return { ok: false, reason: "The session key was authorized for another site." };
  if (authorization.expiry < message.sentAt) return { ok: false, reason: "The session key had expired when the message was sent." };
  let signer: Address;
  try {
    signer = await recoverTypedDataAddress({ ...typedMessage, signature });
  } catch {
    return { ok: false, reason: "The message signature is malformed." };
  }
  if (!isAddressEqual(signer, authorization.key)) return { ok: false, reason: "The message was not signed by the authorized session key." };
  const typedAuth = sessionKeyTypedData(options.chainId, authorization);
  const authorized = await safe(() => options.verifyTypedData({ address: message.author, signature: sessionKey.signature, ...typedAuth }));
  return authorized ? { ok: true, signer, via: "sessionKey" } : { ok: false, reason: "The author did not authorize this session key." };
}

async function safe(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}
