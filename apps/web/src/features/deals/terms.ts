import { hashTerms } from "@peerlock/sdk";
import type { Hex } from "viem";
import { termsFromHash } from "@/lib/termsLink";

export type TermsCheck =
  | { kind: "none" }
  | { kind: "invalid"; reason: string }
  | { kind: "matches"; text: string }
  | { kind: "mismatch"; text: string };

/** Compares the terms carried in the link's fragment with the deal's on-chain termsHash. */
export function checkTerms(hash: string, termsHash: Hex): TermsCheck {
  const fromLink = termsFromHash(hash);
  if (fromLink.kind !== "ok") return fromLink;
  return hashTerms(fromLink.text).toLowerCase() === termsHash.toLowerCase()
    ? { kind: "matches", text: fromLink.text }
    : { kind: "mismatch", text: fromLink.text };
}
