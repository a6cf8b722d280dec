import { hashPrivateDetails } from "@peerlock/sdk";

/**
 * Deal terms travel in the share link's fragment (`/deals/12#terms=<base64url of UTF-8>`), so
 * no server stores them and they never reach a server log. The page checks them against the
 * deal's on-chain termsHash.
 */
export type TermsFromLink = { kind: "none" } | { kind: "ok"; text: string } | { kind: "invalid"; reason: string };

const PARAM = "terms";

export function encodeTerms(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export function decodeTerms(encoded: string): TermsFromLink {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) {
    return { kind: "invalid", reason: "The terms in this link are not valid base64url." };
  }
  try {
    const binary = atob(encoded.replaceAll("-", "+").replaceAll("_", "/"));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return { kind: "ok", text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { kind: "invalid", reason: "The terms in this link are not valid UTF-8 text." };
  }
}

/** Reads `terms=` from a location hash such as "#terms=SGk" (other fragment params are ignored). */
export function termsFromHash(hash: string): TermsFromLink {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const value = params.get(PARAM);
  if (value === null) return { kind: "none" };
  return decodeTerms(value);
}

/** The path of a deal's share link, carrying the terms text when there is one. */
export function dealLinkPath(dealId: bigint, terms?: string): string {
  return terms ? `/deals/${dealId}#${PARAM}=${encodeTerms(terms)}` : `/deals/${dealId}`;
}

/**
 * v2/v3 deals (SPEC "Deal room", "Private by construction") share `#pub=<public terms>&ph=<hash of
 * the private details>`: anyone can check the public part against termsHash, and the private
 * details never travel in a link. Old v2 links carried the details themselves (`&priv=`): they
 * still open, flagged `legacyPrivate` so the page can warn before they are shared again.
 */
export type RoomTermsFromLink =
  | { kind: "none" }
  | { kind: "ok"; publicTerms: string; privateDetailsHash: `0x${string}`; privateDetails?: string; legacyPrivate: boolean }
  | { kind: "invalid"; reason: string };

export function roomTermsFromHash(hash: string): RoomTermsFromLink {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const pub = params.get("pub");
  const priv = params.get("priv");
  const ph = params.get("ph");
  if (pub === null && priv === null && ph === null) return { kind: "none" };
  if (pub === null || (priv === null && ph === null)) return { kind: "invalid", reason: "The link carries only one part of the terms." };
  const publicTerms = decodeTerms(pub);
  if (publicTerms.kind !== "ok") return publicTerms.kind === "invalid" ? publicTerms : { kind: "none" };
  if (priv === null) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(ph!)) return { kind: "invalid", reason: "The private-details hash in this link is not a 32-byte hex value." };
    return { kind: "ok", publicTerms: publicTerms.text, privateDetailsHash: ph!.toLowerCase() as `0x${string}`, legacyPrivate: false };
  }
  const privateDetails = decodeTerms(priv);
  if (privateDetails.kind !== "ok") return privateDetails.kind === "invalid" ? privateDetails : { kind: "none" };
  return {
    kind: "ok",
    publicTerms: publicTerms.text,
    privateDetails: privateDetails.text,
    privateDetailsHash: hashPrivateDetails(privateDetails.text),
    legacyPrivate: true,
  };
}

/** The path of a v3 deal's share link: the public terms and the private details' hash, never the details. */
export function roomDealLinkPath(dealId: bigint, publicTerms: string, privateDetailsHash: `0x${string}`): string {
  return `/deals/${dealId}#pub=${encodeTerms(publicTerms)}&ph=${privateDetailsHash}`;
}

/** The old v2 form that carried the details (`&priv=`): tests and old links only; the app no longer writes it. */
export function legacyRoomDealLinkPath(dealId: bigint, publicTerms: string, privateDetails: string): string {
  return `/deals/${dealId}#pub=${encodeTerms(publicTerms)}&priv=${encodeTerms(privateDetails)}`;
}
