import { hashTerms } from "@peerlock/sdk";
import type { Hex } from "viem";
import { termsFromHash } from "@/lib/termsLink";

export type TermsCheck =
  | { kind: "none" }
  | { kind: "invalid"; reason: string }
  | { kind: "matches"; text: string }
  | { kind: "mismatch"; text: string };

/**
 * v1 deals (one terms text in the link, `#terms=`, termsHash = keccak256(text)): the only place
 * the app still reads them. viewRoomTerms calls it once per page; nothing else checks terms.
 */
export function checkTerms(hash: string, termsHash: Hex): TermsCheck {
  const fromLink = termsFromHash(hash);
  if (fromLink.kind !== "ok") return fromLink;
  return hashTerms(fromLink.text).toLowerCase() === termsHash.toLowerCase()
    ? { kind: "matches", text: fromLink.text }
    : { kind: "mismatch", text: fromLink.text };
}
