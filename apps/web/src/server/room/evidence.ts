import { and, asc, eq } from "drizzle-orm";
import { type Address, keccak256 } from "viem";
import { getDb } from "./db/client";
import { evidence } from "./db/schema";
import { HttpError } from "./http/errors";

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

export async function saveEvidence(dealId: bigint, uploader: Address, bytes: Uint8Array, fileName: string): Promise<EvidenceInfo> {
  if (bytes.byteLength === 0) throw new HttpError(400, "The file is empty.");
  const kind = sniffEvidence(bytes);
  if (!kind) throw new HttpError(415, "Evidence must be a PNG, JPEG or WebP image or a PDF.");
  const hash = keccak256(bytes);
  const row = { dealId: dealId.toString(), hash, uploader, fileName, contentType: kind.type, size: bytes.byteLength, bytes: Buffer.from(bytes) };
  await (await getDb()).insert(evidence).values(row).onConflictDoNothing();
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
      "cache-control": "private, max-age=3600",
    },
  });
}
