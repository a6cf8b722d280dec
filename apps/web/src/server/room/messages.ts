import { decodeRoomMessage, type RoomMessageWire, roomMessageWireSchema, verifyRoomMessage } from "@peerlock/sdk";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Address, type Hex, verifyTypedData, zeroHash } from "viem";
import { chainClient } from "../shared/chain";
import { roomConfig } from "./config";
import { getDb } from "../shared/db/client";
import { evidence, messages, readMarkers } from "./db/schema";
import { HttpError } from "../shared/http/errors";

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
 * Verifies and stores a message from `author` (the signed-in wallet). The same clientId from the
 * same author in the same deal is stored once: a retry gets the stored message back.
 */
export async function postMessage(
  dealId: bigint,
  author: Address,
  input: PostMessageInput,
  room: string,
): Promise<{ message: StoredMessage; created: boolean }> {
  if (input.body === "" && input.evidence === zeroHash) throw new HttpError(400, "A message needs text or evidence.");
  const now = Math.floor(Date.now() / 1000);
  if (Math.abs(input.sentAt - now) > CLOCK_SKEW_S) throw new HttpError(400, "sentAt is more than ten minutes from the server's clock.");
  const db = await getDb();
  if (input.evidence !== zeroHash) {
    const found = await db
      .select({ hash: evidence.hash })
      .from(evidence)
      .where(and(eq(evidence.dealId, dealId.toString()), eq(evidence.hash, input.evidence)));
    if (found.length === 0) throw new HttpError(400, "The evidence this message names was not uploaded to this deal.");
  }

  const signed = decodeRoomMessage(input, author, dealId);
  if (input.sessionKey && input.sessionKey.expiry < now) throw new HttpError(401, "The session key has expired; authorize a new one.");
  const client = chainClient();
  const check = await verifyRoomMessage(signed, {
    chainId: roomConfig().chainId,
    room,
    // An EOA's signature is checked locally; only a contract wallet's (EIP-1271) costs a call to the node.
    verifyTypedData: async (args) =>
      (await verifyTypedData(args as Parameters<typeof verifyTypedData>[0]).catch(() => false)) ||
      client.verifyTypedData(args as Parameters<typeof client.verifyTypedData>[0]),
  });
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
