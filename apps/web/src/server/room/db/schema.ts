import { bigint, bigserial, customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

/** bytea as a Node Buffer (evidence files live in the database, so one backup holds everything). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

/** SIWE nonces: handed out once, consumed once, useless after expiry. */
export const siweNonces = pgTable("siwe_nonces", {
  nonce: text("nonce").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/** Sessions by the sha256 of their cookie value, so a database leak does not leak live sessions. */
export const sessions = pgTable("sessions", {
  idHash: text("id_hash").primaryKey(),
  address: text("address").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A deal's terms, stored only once they hash to its on-chain termsHash. The private details are
 * never here in plain text: only their hash and, once the seller's browser sealed them, the
 * ciphertext (null for terms stored before v3).
 */
export const dealTerms = pgTable("deal_terms", {
  dealId: text("deal_id").primaryKey(),
  publicTerms: text("public_terms").notNull(),
  sealedDetails: text("sealed_details"),
  privateDetailsHash: text("private_details_hash").notNull(),
  termsHash: text("terms_hash").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Chat messages with everything needed to re-verify their author without this server. */
export const messages = pgTable(
  "messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    dealId: text("deal_id").notNull(),
    author: text("author").notNull(),
    clientId: text("client_id").notNull(),
    body: text("body").notNull(),
    evidence: text("evidence").notNull(),
    sentAt: bigint("sent_at", { mode: "number" }).notNull(),
    signature: text("signature").notNull(),
    sessionKey: text("session_key"),
    sessionKeyRoom: text("session_key_room"),
    sessionKeyExpiry: bigint("session_key_expiry", { mode: "number" }),
    sessionKeySignature: text("session_key_signature"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("messages_client_id").on(t.dealId, t.author, t.clientId), index("messages_deal").on(t.dealId, t.id)],
);

/** Evidence files, addressed by the keccak256 of their bytes within a deal. */
export const evidence = pgTable(
  "evidence",
  {
    dealId: text("deal_id").notNull(),
    hash: text("hash").notNull(),
    uploader: text("uploader").notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    size: integer("size").notNull(),
    bytes: bytea("bytes").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.hash] })],
);

/** The last message each reader has seen per deal, for the unread count. */
export const readMarkers = pgTable(
  "read_markers",
  {
    dealId: text("deal_id").notNull(),
    address: text("address").notNull(),
    lastMessageId: bigint("last_message_id", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.address] })],
);

/** Each wallet's published room key: its latest wallet-signed RoomKey attestation. */
export const roomKeys = pgTable("room_keys", {
  wallet: text("wallet").primaryKey(),
  publicKey: text("public_key").notNull(),
  expiry: text("expiry").notNull(),
  signature: text("signature").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A deal key wrapped to one reader's room key; only that reader's browser can open it. */
export const dealKeyWraps = pgTable(
  "deal_key_wraps",
  {
    dealId: text("deal_id").notNull(),
    reader: text("reader").notNull(),
    readerPublicKey: text("reader_public_key").notNull(),
    wrap: text("wrap").notNull(),
    wrappedBy: text("wrapped_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.reader, t.readerPublicKey] })],
);
