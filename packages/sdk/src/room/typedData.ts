import type { Address, Hex, TypedDataDomain } from "viem";

/**
 * EIP-712 types of the deal room. A wallet signs one SessionKey authorization (naming the key,
 * the room's domain, e.g. "peerlock.example", and an expiry); the key then signs each RoomMessage.
 * Anyone holding a message, its signature and the authorization can check its author without
 * asking the server.
 */
export const roomTypedDataDomainName = "Peerlock Deal Room";
export const roomTypedDataVersion = "1";

export function roomTypedDataDomain(chainId: number): TypedDataDomain {
  return { name: roomTypedDataDomainName, version: roomTypedDataVersion, chainId };
}

export const roomTypes = {
  SessionKey: [
    { name: "key", type: "address" },
    { name: "room", type: "string" },
    { name: "expiry", type: "uint64" },
  ],
  RoomMessage: [
    { name: "author", type: "address" },
    { name: "dealId", type: "uint256" },
    { name: "clientId", type: "string" },
    { name: "body", type: "string" },
    { name: "evidence", type: "bytes32" },
    { name: "sentAt", type: "uint64" },
  ],
  RoomKeyWrap: [
    { name: "author", type: "address" },
    { name: "dealId", type: "uint256" },
    { name: "reader", type: "address" },
    { name: "readerPublicKey", type: "bytes32" },
    { name: "wrapHash", type: "bytes32" },
    { name: "signedAt", type: "uint64" },
  ],
} as const;

/** What a wallet signs once: `key` may speak for it in the room at `room` until `expiry` (unix s). */
export type SessionKeyAuthorization = { key: Address; room: string; expiry: bigint };

/**
 * One chat message. `evidence` is the keccak256 of an uploaded file's bytes, or zero bytes32
 * for none; `sentAt` is unix seconds as the author's clock saw it.
 */
export type RoomMessage = { author: Address; dealId: bigint; clientId: string; body: string; evidence: Hex; sentAt: bigint };

/**
 * A deal key wrapped for `reader` by `author` (a party of the deal), signed like a message, so a
 * wrap carried by a relay cannot be one a stranger made (which would make the reader seal their
 * messages with the stranger's key). `wrapHash` is the keccak256 of the wrap's bytes.
 */
export type RoomKeyWrapStatement = { author: Address; dealId: bigint; reader: Address; readerPublicKey: Hex; wrapHash: Hex; signedAt: bigint };

export function sessionKeyTypedData(chainId: number, authorization: SessionKeyAuthorization) {
  return {
    domain: roomTypedDataDomain(chainId),
    types: { SessionKey: roomTypes.SessionKey },
    primaryType: "SessionKey" as const,
    message: authorization,
  };
}

export function roomMessageTypedData(chainId: number, message: RoomMessage) {
  return {
    domain: roomTypedDataDomain(chainId),
    types: { RoomMessage: roomTypes.RoomMessage },
    primaryType: "RoomMessage" as const,
    message,
  };
}

export function roomKeyWrapTypedData(chainId: number, statement: RoomKeyWrapStatement) {
  return {
    domain: roomTypedDataDomain(chainId),
    types: { RoomKeyWrap: roomTypes.RoomKeyWrap },
    primaryType: "RoomKeyWrap" as const,
    message: statement,
  };
}
