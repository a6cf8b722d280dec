/**
 * The seller's own copy of a deal's terms, kept in their browser from the moment the deal opens
 * until the deal room has them. A seller who was not signed in to the room when opening the deal
 * (so nothing could be published) finds their terms again on the deal page, from My trades or a
 * bookmark, and they are published as soon as they sign in.
 */
type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;
export type SellerTerms = { publicTerms: string; privateDetails: string };

const key = (chainId: number, dealId: bigint) => `peerlock:seller-terms:${chainId}:${dealId}`;

export function rememberSellerTerms(store: KeyValueStore | undefined, chainId: number, dealId: bigint, publicTerms: string, privateDetails: string) {
  try {
    store?.setItem(key(chainId, dealId), JSON.stringify({ publicTerms, privateDetails }));
  } catch {
    // storage full or blocked: the deal page's link still carries the terms
  }
}

export function readSellerTerms(store: KeyValueStore | undefined, chainId: number, dealId: bigint): SellerTerms | undefined {
  const raw = store?.getItem(key(chainId, dealId));
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (
      typeof parsed === "object" &&
      parsed !== null &&
      typeof (parsed as SellerTerms).publicTerms === "string" &&
      typeof (parsed as SellerTerms).privateDetails === "string"
    ) {
      return { publicTerms: (parsed as SellerTerms).publicTerms, privateDetails: (parsed as SellerTerms).privateDetails };
    }
  } catch {
    // a broken entry is as good as none
  }
  return undefined;
}

export function forgetSellerTerms(store: KeyValueStore | undefined, chainId: number, dealId: bigint) {
  store?.removeItem(key(chainId, dealId));
}
