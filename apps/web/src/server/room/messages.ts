import { decodeRoomMessage, type RoomMessageWire, roomMessageWireSchema, verifyRoomMessage } from "@peerlock/sdk";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Address, type Hex, zeroHash } from "viem";
import { roomConfig } from "./config";
import { getDb } from "../shared/db/client";
import { evidence, messages, readMarkers } from "./db/schema";
import { HttpError } from "../shared/http/errors";
import { typedDataVerifier } from "./verifier";

const CLOCK_SKEW_S = 10 * 60;

/** A message as posted: the SDK's one wire format (sealed body, signature over the sealed body). */
export const postMessageInput = roomMessageWireSchema;
export type PostMessageInput = RoomMessageWire;

/** What the API returns for a message: everything needed to re-verify it elsewhere. */
export type StoredMessage = {
  id: number;
  dealId: string;
  author: Address;
  clientId: string;
  body: string;
  evidence: Hex;
  sentAt: number;
  signature: Hex;
  sessionKey: { key: Address; room: string; expiry: number; signature: Hex } | null;
  createdAt: string;
};

/**
 * Where a message comes from. "api": its author posts it now, so it must be sent now (within the
 * clock skew) with a session key valid now. "relay": a copy a relay kept, maybe sent while this
 * server was down, so it may be older; it still may not be from the future, and its session key
 * must have been valid when it was sent (verifyRoomMessage), exactly as every browser checks it.
 */
export type MessageSource = "api" | "relay";

/**
 * Verifies and stores a message from `author` (the signed-in wallet, or the author a relay's copy
 * names). The same clientId from the same author in the same deal is stored once: a retry, or the
 * same message from a relay, gets the stored message back.
 */
export async function postMessage(
  dealId: bigint,
  author: Address,
  input: PostMessageInput,
  room: string,
  source: MessageSource = "api",
): Promise<{ message: StoredMessage; created: boolean }> {
  if (input.body === "" && input.evidence === zeroHash) throw new HttpError(400, "A message needs text or evidence.");
  const now = Math.floor(Date.now() / 1000);
  const skew = source === "api" ? Math.abs(input.sentAt - now) : input.sentAt - now;
  if (skew > CLOCK_SKEW_S) throw new HttpError(400, "sentAt is more than ten minutes from the server's clock.");
  const db = await getDb();
  if (input.evidence !== zeroHash) {
    const found = await db
      .select({ hash: evidence.hash })
      .from(evidence)
      .where(and(eq(evidence.dealId, dealId.toString()), eq(evidence.hash, input.evidence)));
    if (found.length === 0) throw new HttpError(400, "The evidence this message names was not uploaded to this deal.");
  }

  const signed = decodeRoomMessage(input, author, dealId);
  if (source === "api" && input.sessionKey && input.sessionKey.expiry < now)
    throw new HttpError(401, "The session key has expired; authorize a new one.");
  const check = await verifyRoomMessage(signed, { chainId: roomConfig().chainId, room, verifyTypedData: typedDataVerifier() });
  if (!check.ok) throw new HttpError(401, check.reason);

  const inserted = await db
    .insert(messages)
    .values({
      dealId: dealId.toString(),
      author,
      clientId: input.clientId,
      body: input.body,
      evidence: input.evidence,
      sentAt: input.sentAt,
      signature: input.signature,
      sessionKey: input.sessionKey?.key ?? null,
      sessionKeyRoom: input.sessionKey?.room ?? null,
      sessionKeyExpiry: input.sessionKey?.expiry ?? null,
      sessionKeySignature: input.sessionKey?.signature ?? null,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) return { message: toStored(inserted[0]), created: true };
  const existing = await db
    .select()
    .from(messages)
    .where(and(eq(messages.dealId, dealId.toString()), eq(messages.author, author), eq(messages.clientId, input.clientId)));
  return { message: toStored(existing[0]!), created: false };
}

export async function listMessages(dealId: bigint, afterId: number, limit = 200): Promise<StoredMessage[]> {
  const rows = await (await getDb())
    .select()
    .from(messages)
    .where(and(eq(messages.dealId, dealId.toString()), gt(messages.id, afterId)))
    .orderBy(asc(messages.id))
    .limit(limit);
  return rows.map(toStored);
}

/** Moves the reader's marker forward (never back). */
export async function markRead(dealId: bigint, reader: Address, lastMessageId: number): Promise<void> {
  await (await getDb())
    .insert(readMarkers)
    .values({ dealId: dealId.toString(), address: reader, lastMessageId })
    .onConflictDoUpdate({
      target: [readMarkers.dealId, readMarkers.address],
      set: { lastMessageId: sql`greatest(${readMarkers.lastMessageId}, excluded.last_message_id)` },
    });
}

function toStored(row: typeof messages.$inferSelect): StoredMessage {
  return {
    id: row.id,
    dealId: row.dealId,
    author: row.author as Address,
    clientId: row.clientId,
    body: row.body,
    evidence: row.evidence as Hex,
    sentAt: row.sentAt,
    signature: row.signature as Hex,
    sessionKey:
      row.sessionKey && row.sessionKeyRoom !== null && row.sessionKeyExpiry !== null && row.sessionKeySignature
        ? { key: row.sessionKey as Address, room: row.sessionKeyRoom, expiry: row.sessionKeyExpiry, signature: row.sessionKeySignature as Hex }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}
