import { base64urlnopad } from "@scure/base";
import { SealedItemError } from "./errors.js";

/** Sealed items and wraps travel as unpadded base64url text (JSON bodies, Nostr events). */
export function toText(bytes: Uint8Array): string {
  return base64urlnopad.encode(bytes);
}

export function fromText(text: string): Uint8Array {
  try {
    return base64urlnopad.decode(text);
  } catch {
    throw new SealedItemError("malformed", "not base64url");
  }
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
