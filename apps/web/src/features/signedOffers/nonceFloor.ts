import type { Address } from "viem";

/**
 * Signing an order writes nothing on chain, so the chain's bitmap cannot tell which nonces a
 * maker already signed with. This browser remembers the next nonce after the last one it
 * signed (per chain, contract and maker), so two offers never share one, and "cancel all" knows
 * how far to invalidate.
 */
type KeyValueStore = Pick<Storage, "getItem" | "setItem">;

function key(chainId: number, contract: Address, maker: Address): string {
  return `peerlock:signed-nonce:${chainId}:${contract.toLowerCase()}:${maker.toLowerCase()}`;
}

/** The first nonce this browser has not signed with (0 when it never signed). */
export function readNonceFloor(store: KeyValueStore | undefined, chainId: number, contract: Address, maker: Address): bigint {
  const raw = store?.getItem(key(chainId, contract, maker));
  return raw && /^\d+$/.test(raw) ? BigInt(raw) : 0n;
}

/** Records that `nonce` was signed with: the floor moves past it (never back). */
export function recordSignedNonce(store: KeyValueStore | undefined, chainId: number, contract: Address, maker: Address, nonce: bigint) {
  if (!store) return;
  const next = nonce + 1n;
  if (next > readNonceFloor(store, chainId, contract, maker)) store.setItem(key(chainId, contract, maker), next.toString());
}

/** The browser's localStorage, or nothing (server rendering, or storage blocked). */
export function browserStore(): Pick<Storage, "getItem" | "setItem" | "removeItem"> | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
