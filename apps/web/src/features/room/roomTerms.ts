import { hashDealTerms, hashDealTermsFromPrivateHash, hashTerms, parsePublicTerms, type PublicTerms, sameHash } from "@peerlock/sdk";
import type { Hex } from "viem";
import { roomTermsFromHash, termsFromHash } from "@/lib/termsLink";

/** Public terms as the room server returns them; nothing in it is trusted before the hash check. */
export type ServerTerms = { dealId: string; publicTerms: string; privateDetailsHash: Hex; termsHash: Hex };

export type RoomTermsView =
  /** Nothing to show: no terms in the link and none on the server (yet). */
  | { kind: "none" }
  /** A v1 link: one terms text, checked against keccak256(text). */
  | { kind: "v1"; text: string; verified: boolean }
  /** v2 terms; `privateDetails` only when the link carried them (the server gives them separately). */
  | { kind: "v2"; publicText: string; publicTerms: PublicTerms | null; privateDetails?: string; verified: boolean; source: "link" | "server" }
  | { kind: "invalid"; reason: string };

/**
 * What the browser can show about a deal's terms, checked here against the on-chain termsHash:
 * a v2 link (both parts), a v1 link (one text), else the server's public terms with the private hash.
 */
export function viewRoomTerms(hash: string | null, termsHash: Hex, server: ServerTerms | null | undefined): RoomTermsView {
  const link = hash === null ? ({ kind: "none" } as const) : roomTermsFromHash(hash);
  if (link.kind === "invalid") return link;
  if (link.kind === "ok") {
    const parsed = parsePublicTerms(link.publicTerms);
    return {
      kind: "v2",
      publicText: link.publicTerms,
      publicTerms: parsed.ok ? parsed.terms : null,
      privateDetails: link.privateDetails,
      verified: sameHash(hashDealTerms(link.publicTerms, link.privateDetails), termsHash),
      source: "link",
    };
  }
  const v1 = hash === null ? ({ kind: "none" } as const) : termsFromHash(hash);
  if (v1.kind === "invalid") return v1;
  if (v1.kind === "ok") return { kind: "v1", text: v1.text, verified: sameHash(hashTerms(v1.text), termsHash) };
  if (server) {
    const parsed = parsePublicTerms(server.publicTerms);
    return {
      kind: "v2",
      publicText: server.publicTerms,
      publicTerms: parsed.ok ? parsed.terms : null,
      verified: sameHash(hashDealTermsFromPrivateHash(server.publicTerms, server.privateDetailsHash), termsHash),
      source: "server",
    };
  }
  return { kind: "none" };
}

/** One line for lists: "0.92 EUR per unit · SEPA", or undefined when not verified. */
export function termsSummary(view: RoomTermsView): { price: string; method: string } | undefined {
  if (view.kind !== "v2" || !view.verified || !view.publicTerms) return undefined;
  const t = view.publicTerms;
  return { price: `${t.pricePerUnit} ${t.fiatCurrency}`, method: t.paymentMethod };
}
