/**
 * Why a sealed item or a key wrap could not be opened, in words an app can show as they are:
 * it never shows garbage instead.
 * - `malformed`: not an item of any format this SDK knows;
 * - `unsupported-version`: written by a newer format (update the app);
 * - `cannot-open`: altered, sealed for another deal or kind, or wrapped for another reader.
 */
export type SealedErrorCode = "malformed" | "unsupported-version" | "cannot-open";

const messages: Record<SealedErrorCode, string> = {
  malformed: "This item is not in a format Peerlock can read.",
  "unsupported-version": "This item was written by a newer version of Peerlock; update the app to read it.",
  "cannot-open": "This item cannot be decrypted with your key: it was altered, or it belongs to another deal or reader.",
};

export class SealedItemError extends Error {
  readonly code: SealedErrorCode;
  constructor(code: SealedErrorCode, detail?: string) {
    super(detail ? `${messages[code]} (${detail})` : messages[code]);
    this.name = "SealedItemError";
    this.code = code;
  }
}
