import { isSealedBytes, roomTextLimits } from "@peerlock/sdk";
import { and, asc, count, eq, sql, sum } from "drizzle-orm";
import { type Address, keccak256 } from "viem";
import { getDb } from "../shared/db/client";
import { roomConfig } from "./config";
import { evidence } from "./db/schema";
import { HttpError } from "../shared/http/errors";

const SEALED_TYPE = "application/octet-stream";

/** A sealed file: the 5 MB plaintext limit plus the sealed item's 41 bytes. */
export const EVIDENCE_MAX_BYTES = roomTextLimits.evidenceBytes + 41;

/**
 * Evidence arrives sealed in the uploader's browser (which checked it is an image or a PDF): this
 * server stores ciphertext and a sealed name and type (`meta`), and serves the ciphertext back as
 * an opaque download. `fileName` holds the sealed metadata, `contentType` is always octet-stream.
 */
export type EvidenceInfo = { hash: string; meta: string; size: number; uploader: string; createdAt: string };

/**
 * Stores one file for `uploader` in `dealId`, within the quota per deal and party (files and
 * bytes, ROOM_EVIDENCE_MAX_FILES / ROOM_EVIDENCE_MAX_TOTAL_BYTES). The check and the insert run
 * under a transaction-scoped advisory lock on (deal, uploader), so instances cannot overshoot it.
 */
export async function saveEvidence(dealId: bigint, uploader: Address, bytes: Uint8Array, meta: string): Promise<EvidenceInfo> {
  if (bytes.byteLength === 0) throw new HttpError(400, "The file is empty.");
  if (!isSealedBytes(bytes)) throw new HttpError(400, "Evidence must be sealed in the browser (a v3 sealed item).");
  const hash = keccak256(bytes);
  const row = {
    dealId: dealId.toString(),
    hash,
    uploader,
    fileName: meta,
    contentType: SEALED_TYPE,
    size: bytes.byteLength,
    bytes: Buffer.from(bytes),
  };
  const { evidenceMaxFiles, evidenceMaxTotalBytes } = roomConfig();
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`evidence:${row.dealId}:${uploader}`}))`);
    const [already] = await tx
      .select({ hash: evidence.hash })
      .from(evidence)
      .where(and(eq(evidence.dealId, row.dealId), eq(evidence.hash, hash)));
    if (already) return; // the same file again: stored once, costs nothing
    const [used] = await tx
      .select({ files: count(), bytes: sum(evidence.size) })
      .from(evidence)
      .where(and(eq(evidence.dealId, row.dealId), eq(evidence.uploader, uploader)));
    const files = Number(used?.files ?? 0);
    const total = Number(used?.bytes ?? 0);
    if (files + 1 > evidenceMaxFiles) {
      throw new HttpError(413, `Evidence quota reached: at most ${evidenceMaxFiles} files per party in a deal.`);
    }
    if (total + row.size > evidenceMaxTotalBytes) {
      throw new HttpError(413, `Evidence quota reached: at most ${evidenceMaxTotalBytes} bytes per party in a deal.`);
    }
    await tx.insert(evidence).values(row).onConflictDoNothing();
  });
  const stored = await infoOf(dealId, hash);
  return stored!;
}

export async function listEvidence(dealId: bigint): Promise<EvidenceInfo[]> {
  const rows = await (await getDb())
    .select({
      hash: evidence.hash,
      meta: evidence.fileName,
      size: evidence.size,
      uploader: evidence.uploader,
      createdAt: evidence.createdAt,
    })
    .from(evidence)
    .where(eq(evidence.dealId, dealId.toString()))
    .orderBy(asc(evidence.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

async function infoOf(dealId: bigint, hash: string): Promise<EvidenceInfo | undefined> {
  return (await listEvidence(dealId)).find((e) => e.hash === hash);
}

/** The file as a response that cannot run script: its sniffed type, nosniff, a sandboxing CSP, download for PDFs. */
export async function evidenceResponse(dealId: bigint, hash: string): Promise<Response> {
  const rows = await (await getDb())
    .select()
    .from(evidence)
    .where(and(eq(evidence.dealId, dealId.toString()), eq(evidence.hash, hash)));
  const file = rows[0];
  if (!file) throw new HttpError(404, "No such evidence in this deal.");
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": SEALED_TYPE,
      "content-length": String(file.size),
      "content-disposition": 'attachment; filename="evidence.sealed"',
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "no-store",
    },
  });
}
