import { encodeRoomKeyAttestation, type RoomKeyAttestation, verifyRoomKeyAttestation } from "@peerlock/sdk";
import { inArray, sql } from "drizzle-orm";
import type { Address, Hex } from "viem";
import { getDb } from "../shared/db/client";
import { HttpError } from "../shared/http/errors";
import { roomConfig } from "./config";
import { roomKeys } from "./db/schema";
import { typedDataVerifier } from "./verifier";

export type RoomKeyRecord = ReturnType<typeof encodeRoomKeyAttestation>;

/** An attestation's expiry as a number that sorts: 0 (never expires) after every date. */
const expiryRank = sql`(case when ${roomKeys.expiry} = '0' then 18446744073709551616 else ${roomKeys.expiry}::numeric end)`;
const rankOf = (expiry: bigint) => (expiry === 0n ? 1n << 64n : expiry);

/**
 * Publishes a wallet's room key. The attestation must be signed by that wallet (EOA locally, a
 * contract wallet through EIP-1271) and unexpired. Posted to the API, the latest one replaces the
 * earlier. Read from a relay (`onlyLater`), it replaces a stored key only when it expires later
 * (or the stored one has expired): anyone can replay an old attestation to a relay, and that must
 * not roll a wallet back to a key it replaced.
 */
export async function publishRoomKey(attestation: RoomKeyAttestation, { onlyLater = false } = {}): Promise<RoomKeyRecord> {
  const now = BigInt(Math.floor(Date.now() / 1000));
  const ok = await verifyRoomKeyAttestation(attestation, roomConfig().chainId, typedDataVerifier(), now);
  if (!ok) throw new HttpError(401, "The room key attestation is not signed by its wallet, or it has expired.");
  const record = encodeRoomKeyAttestation(attestation);
  const later = sql`${expiryRank} < ${rankOf(attestation.expiry).toString()}::numeric or (${roomKeys.expiry} <> '0' and ${roomKeys.expiry}::numeric <= ${now.toString()}::numeric)`;
  await (await getDb())
    .insert(roomKeys)
    .values({ ...record, updatedAt: new Date() })
    .onConflictDoUpdate({ target: roomKeys.wallet, set: { ...record, updatedAt: new Date() }, ...(onlyLater ? { setWhere: later } : {}) });
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
