import { decodeRoomMessage, verifyRoomMessage, type RoomMessageCheck } from "@peerlock/sdk";
import type { Client } from "viem";
import { verifyTypedData } from "viem/actions";
import type { StoredMessage } from "./roomApi";

/**
 * Re-checks a stored message's author here, through the app's own node (EIP-1271 wallets too),
 * so the "verified" mark never depends on the room server's word.
 */
export function verifyStoredMessage(m: StoredMessage, client: Client, chainId: number, room: string): Promise<RoomMessageCheck> {
  return verifyRoomMessage(decodeRoomMessage({ ...m, sessionKey: m.sessionKey ?? undefined }, m.author, BigInt(m.dealId)), {
    chainId,
    room,
    verifyTypedData: (args) => verifyTypedData(client, args as Parameters<typeof verifyTypedData>[1]),
  });
}
