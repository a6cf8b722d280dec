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
 * v2 deals (SPEC "Deal room") carry two parts: `#pub=<public terms>&priv=<private details>`, each
 * base64url UTF-8, so a deal still works from its link with the room server down.
 */
export type RoomTermsFromLink = { kind: "none" } | { kind: "ok"; publicTerms: string; privateDetails: string } | { kind: "invalid"; reason: string };

export function roomTermsFromHash(hash: string): RoomTermsFromLink {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const pub = params.get("pub");
  const priv = params.get("priv");
  if (pub === null && priv === null) return { kind: "none" };
  if (pub === null || priv === null) return { kind: "invalid", reason: "The link carries only one part of the terms." };
  const publicTerms = decodeTerms(pub);
  const privateDetails = decodeTerms(priv);
  if (publicTerms.kind !== "ok") return publicTerms.kind === "invalid" ? publicTerms : { kind: "none" };
  if (privateDetails.kind !== "ok") return privateDetails.kind === "invalid" ? privateDetails : { kind: "none" };
  return { kind: "ok", publicTerms: publicTerms.text, privateDetails: privateDetails.text };
}

/** The path of a v2 deal's share link, carrying both parts of its terms. */
export function roomDealLinkPath(dealId: bigint, publicTerms: string, privateDetails: string): string {
  return `/deals/${dealId}#pub=${encodeTerms(publicTerms)}&priv=${encodeTerms(privateDetails)}`;
}
