import { type Deal, encodeRoomKeyAttestation, type RoomItem } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import { sameAddress } from "@/lib/address";
import type { DealKeys, RoomKeyRecord } from "./roomApi";
import { dealReaders } from "./roomItemRules";

/** A reader of a deal and one of its room keys; `wrapped` when a wrap to that key exists. */
export type Reader = { wallet: Address; key: RoomKeyRecord | null; wrapped: boolean };

type KeyItem = Extract<RoomItem, { type: "key" }>;
type WrapItem = Extract<RoomItem, { type: "wrap" }>;

/**
 * Who the deal key is owed to, from the server's list when it answered and from the relays'
 * checked items (RoomKey attestations and wraps) either way: a reader whose key only the relays
 * carry, or whose wrap only the relays carry, counts all the same. A wallet with several
 * attested keys (another browser's random key) gets one entry per key.
 */
export function roomReaders(deal: Deal, server: DealKeys | undefined, relayKeys: readonly KeyItem[], relayWraps: readonly WrapItem[]): Reader[] {
  const wrappedKeys = new Set<string>([
    ...(server?.wraps ?? []).map((w) => `${w.reader.toLowerCase()}:${w.readerPublicKey.toLowerCase()}`),
    ...relayWraps.map((w) => `${w.wrap.reader.toLowerCase()}:${w.wrap.readerPublicKey.toLowerCase()}`),
  ]);
  const isWrapped = (wallet: Address, publicKey: Hex) => wrappedKeys.has(`${wallet.toLowerCase()}:${publicKey.toLowerCase()}`);
  const wallets = server ? server.readers.map((r) => r.wallet) : dealReaders(deal);
  const out: Reader[] = [];
  for (const wallet of wallets) {
    const keys = new Map<string, RoomKeyRecord>();
    const serverReader = server?.readers.find((r) => sameAddress(r.wallet, wallet));
    const fromServer = serverReader?.key;
    if (fromServer) keys.set(fromServer.publicKey.toLowerCase(), fromServer);
    for (const k of relayKeys) {
      if (!sameAddress(k.attestation.wallet, wallet) || keys.has(k.attestation.publicKey)) continue;
      keys.set(k.attestation.publicKey, encodeRoomKeyAttestation(k.attestation));
    }
    if (keys.size === 0) {
      out.push({ wallet, key: null, wrapped: serverReader?.wrapped ?? false });
      continue;
    }
    for (const key of keys.values()) {
      // The server lists only the caller's own wraps, and says per reader whether its current key has one.
      const serverWrapped = key === fromServer && !!serverReader?.wrapped;
      out.push({ wallet, key, wrapped: serverWrapped || isWrapped(wallet, key.publicKey) });
    }
  }
  return out;
}
