import { and, asc, count, eq, sql, sum } from "drizzle-orm";
import { type Address, keccak256 } from "viem";
import { getDb } from "../shared/db/client";
import { roomConfig } from "./config";
import { evidence } from "./db/schema";
import { HttpError } from "../shared/http/errors";

export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

type Kind = { type: "image/png" | "image/jpeg" | "image/webp" | "application/pdf"; inline: boolean };

/** The file's real type from its first bytes; the Content-Type the browser claimed is not trusted. */
export function sniffEvidence(bytes: Uint8Array): Kind | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string) => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { type: "image/png", inline: true };
  if (starts(0xff, 0xd8, 0xff)) return { type: "image/jpeg", inline: true };
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return { type: "image/webp", inline: true };
  if (ascii(0, "%PDF-")) return { type: "application/pdf", inline: false };
  return undefined;
}

/** A display name without control characters or path parts; it is only ever shown as text. */
export function cleanFileName(raw: string | null): string {
  const name = (raw ?? "")
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .split(/[\\/]/)
    .pop()!
    .trim()
    .slice(0, 200);
  return name || "evidence";
}

export type EvidenceInfo = { hash: string; fileName: string; contentType: string; size: number; uploader: string; createdAt: string };

/**
 * Stores one file for `uploader` in `dealId`, within the quota per deal and party (files and
 * bytes, ROOM_EVIDENCE_MAX_FILES / ROOM_EVIDENCE_MAX_TOTAL_BYTES). The check and the insert run
 * under a transaction-scoped advisory lock on (deal, uploader), so instances cannot overshoot it.
 */
export async function saveEvidence(dealId: bigint, uploader: Address, bytes: Uint8Array, fileName: string): Promise<EvidenceInfo> {
  if (bytes.byteLength === 0) throw new HttpError(400, "The file is empty.");
  const kind = sniffEvidence(bytes);
  if (!kind) throw new HttpError(415, "Evidence must be a PNG, JPEG or WebP image or a PDF.");
  const hash = keccak256(bytes);
  const row = { dealId: dealId.toString(), hash, uploader, fileName, contentType: kind.type, size: bytes.byteLength, bytes: Buffer.from(bytes) };
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
      fileName: evidence.fileName,
      contentType: evidence.contentType,
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
  const inline = file.contentType.startsWith("image/");
  const encoded = encodeURIComponent(file.fileName);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename="evidence"; filename*=UTF-8''${encoded}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      "cross-origin-resource-policy": "same-origin",
      "cache-control": "no-store",
    },
  });
}
