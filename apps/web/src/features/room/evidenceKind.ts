import type { EvidenceMeta } from "@peerlock/sdk";

/**
 * The file's real type from its first bytes (the browser's claim is not trusted). The server only
 * ever sees sealed bytes, so the uploader's browser checks the type and the reader's checks again.
 */
export function sniffEvidence(bytes: Uint8Array): EvidenceMeta["type"] | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  const ascii = (from: number, text: string) => [...text].every((c, i) => bytes[from + i] === c.charCodeAt(0));
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (ascii(0, "RIFF") && ascii(8, "WEBP")) return "image/webp";
  if (ascii(0, "%PDF-")) return "application/pdf";
  return undefined;
}

/** A display name without control characters or path parts; it is only ever shown as text. */
export function cleanFileName(raw: string): string {
  const name = raw
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .split(/[\\/]/)
    .pop()!
    .trim()
    .slice(0, 200);
  return name || "evidence";
}
