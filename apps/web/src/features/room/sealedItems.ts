import {
  type EvidenceMeta,
  evidenceMetaSchema,
  openBytes,
  openText,
  roomTextLimits,
  SealedItemError,
  sealBytes,
  sealedFromText,
  sealedToText,
  sealText,
} from "@peerlock/sdk";
import { dealContext } from "./dealContext";

/** An item as a reader's browser opens it: its text, or the SealedItemError's words (never garbage). */
export type Opened<T> = { ok: true; value: T } | { ok: false; error: string };

function opened<T>(open: () => T): Opened<T> {
  try {
    return { ok: true, value: open() };
  } catch (error) {
    if (error instanceof SealedItemError) return { ok: false, error: error.message };
    return { ok: false, error: "This item cannot be decrypted: it is not in a format Peerlock can read." };
  }
}

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

export function sealDetails(dealKey: Uint8Array, dealId: bigint, details: string): string {
  if (utf8Bytes(details) > roomTextLimits.details) throw new Error(`The payment details are at most ${roomTextLimits.details} bytes.`);
  return sealedToText(sealText(dealKey, details, dealContext(dealId), "details"));
}

export const openDetails = (dealKey: Uint8Array, dealId: bigint, sealed: string) =>
  opened(() => openText(dealKey, sealedFromText(sealed), dealContext(dealId), "details"));

export function sealMessage(dealKey: Uint8Array, dealId: bigint, text: string): string {
  if (text === "") return "";
  if (utf8Bytes(text) > roomTextLimits.message) throw new Error(`A message is at most ${roomTextLimits.message} bytes.`);
  return sealedToText(sealText(dealKey, text, dealContext(dealId), "message"));
}

export const openMessage = (dealKey: Uint8Array, dealId: bigint, sealed: string): Opened<string> =>
  sealed === "" ? { ok: true, value: "" } : opened(() => openText(dealKey, sealedFromText(sealed), dealContext(dealId), "message"));

/** The file and its name and type sealed for upload (the type was sniffed here, see evidenceKind). */
export function sealEvidence(dealKey: Uint8Array, dealId: bigint, bytes: Uint8Array, meta: EvidenceMeta) {
  const context = dealContext(dealId);
  return {
    sealed: sealBytes(dealKey, bytes, context, "evidence"),
    meta: sealedToText(sealText(dealKey, JSON.stringify(meta), context, "evidence")),
  };
}

export const openEvidenceMeta = (dealKey: Uint8Array, dealId: bigint, sealed: string): Opened<EvidenceMeta> =>
  opened(() => {
    const parsed = evidenceMetaSchema.safeParse(JSON.parse(openText(dealKey, sealedFromText(sealed), dealContext(dealId), "evidence")));
    if (!parsed.success) throw new SealedItemError("malformed", "evidence name and type");
    return parsed.data;
  });

export const openEvidence = (dealKey: Uint8Array, dealId: bigint, sealed: Uint8Array) =>
  opened(() => openBytes(dealKey, sealed, dealContext(dealId), "evidence"));
