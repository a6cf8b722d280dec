import { encodeRoomKeyAttestation, type RoomKeyAttestation, verifyRoomKeyAttestation } from "@peerlock/sdk";
import { inArray } from "drizzle-orm";
import { type Address, type Hex, verifyTypedData } from "viem";
import { chainClient } from "../shared/chain";
import { getDb } from "../shared/db/client";
import { HttpError } from "../shared/http/errors";
import { roomConfig } from "./config";
import { roomKeys } from "./db/schema";

export type RoomKeyRecord = ReturnType<typeof encodeRoomKeyAttestation>;

/**
 * Publishes a wallet's room key. The attestation must be signed by that wallet (EOA locally, a
 * contract wallet through EIP-1271) and unexpired; the latest one replaces the earlier.
 */
export async function publishRoomKey(attestation: RoomKeyAttestation): Promise<RoomKeyRecord> {
  const client = chainClient();
  const ok = await verifyRoomKeyAttestation(
    attestation,
    roomConfig().chainId,
    async (args) =>
      (await verifyTypedData(args as Parameters<typeof verifyTypedData>[0]).catch(() => false)) ||
      client.verifyTypedData(args as Parameters<typeof client.verifyTypedData>[0]),
    BigInt(Math.floor(Date.now() / 1000)),
  );
  if (!ok) throw new HttpError(401, "The room key attestation is not signed by its wallet, or it has expired.");
  const record = encodeRoomKeyAttestation(attestation);
  await (await getDb())
    .insert(roomKeys)
    .values({ ...record, updatedAt: new Date() })
    .onConflictDoUpdate({ target: roomKeys.wallet, set: { ...record, updatedAt: new Date() } });
  return record;
}

/** The published attestations of these wallets (anyone may read and re-check them). */
export async function roomKeysOf(wallets: Address[]): Promise<RoomKeyRecord[]> {
  if (wallets.length === 0) return [];
  const rows = await (await getDb()).select().from(roomKeys).where(inArray(roomKeys.wallet, wallets));
  const now = BigInt(Math.floor(Date.now() / 1000));
  return rows
    .filter((r) => r.expiry === "0" || BigInt(r.expiry) > now)
    .map((r) => ({ wallet: r.wallet as Address, publicKey: r.publicKey as Hex, expiry: r.expiry, signature: r.signature as Hex }));
}

export async function roomKeyOf(wallet: Address): Promise<RoomKeyRecord | undefined> {
  return (await roomKeysOf([wallet]))[0];
}
