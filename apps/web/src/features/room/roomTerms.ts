import { hashDealTermsFromPrivateHash, hashPrivateDetails, parsePublicTerms, type PublicTerms, type RoomItem, sameHash } from "@peerlock/sdk";
import type { Hex } from "viem";
import { roomTermsFromHash } from "@/lib/termsLink";
import { checkTerms } from "./legacyTerms";

/** Public terms as the room server returns them; nothing in it is trusted before the hash check. */
export type ServerTerms = { dealId: string; publicTerms: string; privateDetailsHash: Hex; termsHash: Hex };

export type RoomTermsView =
  /** Nothing to show: no terms in the link and none on the server (yet). */
  | { kind: "none" }
  /** A v1 link: one terms text, checked against keccak256(text). */
  | { kind: "v1"; text: string; verified: boolean }
  /**
   * v2/v3 terms: the public text and the private details' hash, checked against termsHash.
   * `privateDetails` only where this browser has them in plain: an old `priv=` link
   * (`legacyPrivateLink`) or the seller's own copy; readers get them sealed from the room.
   */
  | {
      kind: "v2";
      publicText: string;
      publicTerms: PublicTerms | null;
      privateDetailsHash: Hex;
      privateDetails?: string;
      verified: boolean;
      source: "link" | "server";
      legacyPrivateLink: boolean;
    }
  | { kind: "invalid"; reason: string };

/**
 * The one terms check of a deal page: a v2/v3 link (public terms and private hash, or an old link
 * with the details), a v1 link, else the server's public terms with the private hash; then the
 * seller's own copy of the details when it matches. Everything is checked here against termsHash.
 */
export function viewRoomTerms(
  hash: string | null,
  termsHash: Hex,
  server: ServerTerms | null | undefined,
  ownPrivateDetails?: string,
): RoomTermsView {
  const view = linkOrServer(hash, termsHash, server);
  if (view.kind === "v2" && view.privateDetails === undefined && ownPrivateDetails !== undefined) {
    if (sameHash(hashPrivateDetails(ownPrivateDetails), view.privateDetailsHash)) return { ...view, privateDetails: ownPrivateDetails };
  }
  return view;
}

function linkOrServer(hash: string | null, termsHash: Hex, server: ServerTerms | null | undefined): RoomTermsView {
  const link = hash === null ? ({ kind: "none" } as const) : roomTermsFromHash(hash);
  if (link.kind === "invalid") return link;
  if (link.kind === "ok") return v2(link.publicTerms, link.privateDetailsHash, termsHash, "link", link.privateDetails, link.legacyPrivate);
  const v1 = hash === null ? ({ kind: "none" } as const) : checkTerms(hash, termsHash);
  if (v1.kind === "invalid") return v1;
  if (v1.kind === "matches" || v1.kind === "mismatch") return { kind: "v1", text: v1.text, verified: v1.kind === "matches" };
  if (server) return v2(server.publicTerms, server.privateDetailsHash, termsHash, "server", undefined, false);
  return { kind: "none" };
}

function v2(
  publicText: string,
  privateDetailsHash: Hex,
  termsHash: Hex,
  source: "link" | "server",
  privateDetails: string | undefined,
  legacyPrivateLink: boolean,
): RoomTermsView {
  const parsed = parsePublicTerms(publicText);
  return {
    kind: "v2",
    publicText,
    publicTerms: parsed.ok ? parsed.terms : null,
    privateDetailsHash: privateDetailsHash.toLowerCase() as Hex,
    ...(privateDetails !== undefined ? { privateDetails } : {}),
    verified: sameHash(hashDealTermsFromPrivateHash(publicText, privateDetailsHash), termsHash),
    source,
    legacyPrivateLink,
  };
}

/** One line for lists: "0.92 EUR per unit · SEPA", or undefined when not verified. */
export function termsSummary(view: RoomTermsView): { price: string; method: string } | undefined {
  if (view.kind !== "v2" || !view.verified || !view.publicTerms) return undefined;
  const t = view.publicTerms;
  return { price: `${t.pricePerUnit} ${t.fiatCurrency}`, method: t.paymentMethod };
}

/** Whether the page may offer to take the deal: terms on screen that match the on-chain hash. */
export const termsSeen = (view: RoomTermsView) => (view.kind === "v2" || view.kind === "v1") && view.verified;

/** Terms as a relay carries them: the server's shape plus the details sealed with the deal key. */
export type RelayTerms = ServerTerms & { sealedDetails: string };
type TermsItem = Extract<RoomItem, { type: "terms" }>;

/**
 * The relays' terms items that match the on-chain termsHash (public text and private hash),
 * first come first; anything else a relay sends as terms is ignored. Which one's sealed details
 * open and match the private hash is decided where the deal key is (pickSealedDetails).
 */
export function relayTermsFor(items: readonly RoomItem[], dealId: bigint, termsHash: Hex): RelayTerms[] {
  return items
    .filter((i): i is TermsItem => i.type === "terms")
    .filter((i) => sameHash(hashDealTermsFromPrivateHash(i.terms.publicTerms, i.terms.privateDetailsHash), termsHash))
    .map((i) => ({
      dealId: dealId.toString(),
      publicTerms: i.terms.publicTerms,
      privateDetailsHash: i.terms.privateDetailsHash,
      termsHash,
      sealedDetails: i.terms.sealedDetails,
    }));
}

/**
 * The payment details from the first sealed copy that opens with the deal key and hashes to the
 * committed private hash. The server's copy comes first and keeps its error when nothing better
 * opens; a relay's copy that fails is skipped silently (a relay must not put errors on screen).
 */
export function pickSealedDetails(
  server: string | undefined,
  relays: readonly string[],
  open: (sealed: string) => { ok: true; value: string } | { ok: false; error: string },
  privateDetailsHash: Hex,
): { ok: true; value: string } | { ok: false; error: string } | undefined {
  let serverResult: { ok: false; error: string } | undefined;
  for (const [sealed, fromServer] of [...(server ? [[server, true] as const] : []), ...relays.map((r) => [r, false] as const)]) {
    const opened = open(sealed);
    if (opened.ok && sameHash(hashPrivateDetails(opened.value), privateDetailsHash)) return opened;
    if (fromServer)
      serverResult = opened.ok
        ? {
            ok: false,
            error: "These payment details do not match what the seller committed to on chain: they cannot be verified. Do not pay to them.",
          }
        : opened;
  }
  return serverResult;
}
