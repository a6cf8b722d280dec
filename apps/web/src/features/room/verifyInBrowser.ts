import { verifyRoomMessage, type RoomMessageCheck } from "@peerlock/sdk";
import type { Client } from "viem";
import { verifyTypedData } from "viem/actions";
import type { StoredMessage } from "./roomApi";

/**
 * Re-checks a stored message's author here, through the app's own node (EIP-1271 wallets too),
 * so the "verified" mark never depends on the room server's word.
 */
export function verifyStoredMessage(m: StoredMessage, client: Client, chainId: number, room: string): Promise<RoomMessageCheck> {
  return verifyRoomMessage(
    {
      message: { author: m.author, dealId: BigInt(m.dealId), clientId: m.clientId, body: m.body, evidence: m.evidence, sentAt: BigInt(m.sentAt) },
      signature: m.signature,
      sessionKey: m.sessionKey
        ? {
            authorization: { key: m.sessionKey.key, room: m.sessionKey.room, expiry: BigInt(m.sessionKey.expiry) },
            signature: m.sessionKey.signature,
          }
        : undefined,
    },
    { chainId, room, verifyTypedData: (args) => verifyTypedData(client, args as Parameters<typeof verifyTypedData>[1]) },
  );
}
