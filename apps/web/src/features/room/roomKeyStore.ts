import {
  encodeRoomKeyAttestation,
  type RoomKeyAttestation,
  roomKeyAttestationSchema,
  type RoomKeyPair,
  type RoomKeySource,
  roomKeyFromSecret,
} from "@peerlock/sdk";
import { bytesToHex, hexToBytes, type Address, type Hex } from "viem";

/**
 * This browser's room key per wallet and chain (localStorage). A derived key is only a cache: the
 * wallet's RoomIdentity signature gives it again in any browser. A random key (a wallet whose
 * signatures differ, or a contract wallet) exists only here: losing it (clearing site data,
 * another browser) loses access to the deals wrapped to it until a party wraps them again.
 */
type KeyValueStore = Pick<Storage, "getItem" | "setItem">;
export type StoredRoomKey = RoomKeyPair & { source: RoomKeySource };

const storageKey = (chainId: number, wallet: Address) => `peerlock:room-key:${chainId}:${wallet.toLowerCase()}`;

export function loadRoomKey(store: KeyValueStore | undefined, chainId: number, wallet: Address): StoredRoomKey | undefined {
  try {
    const raw = store?.getItem(storageKey(chainId, wallet));
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as { secretKey: Hex; source: RoomKeySource };
    if (!/^0x[0-9a-f]{64}$/i.test(parsed.secretKey) || (parsed.source !== "derived" && parsed.source !== "random")) return undefined;
    return { ...roomKeyFromSecret(hexToBytes(parsed.secretKey)), source: parsed.source };
  } catch {
    return undefined;
  }
}

export function saveRoomKey(store: KeyValueStore | undefined, chainId: number, wallet: Address, key: StoredRoomKey): void {
  store?.setItem(storageKey(chainId, wallet), JSON.stringify({ secretKey: bytesToHex(key.secretKey), source: key.source }));
}

/** The random key this browser keeps for the wallet, if any (a derived one is not reused as random). */
export function loadRandomRoomKey(store: KeyValueStore | undefined, chainId: number, wallet: Address): RoomKeyPair | undefined {
  const key = loadRoomKey(store, chainId, wallet);
  return key?.source === "random" ? key : undefined;
}

const dealKeyStorage = (chainId: number, dealId: bigint) => `peerlock:deal-key:${chainId}:${dealId}`;

/** The seller's own copy of a deal key drawn at creation, until its wraps are on the server. */
export function rememberDealKey(store: KeyValueStore | undefined, chainId: number, dealId: bigint, dealKey: Uint8Array): void {
  try {
    store?.setItem(dealKeyStorage(chainId, dealId), bytesToHex(dealKey));
  } catch {
    // storage blocked: the wrap published at creation is the copy that counts
  }
}

export function readDealKey(store: KeyValueStore | undefined, chainId: number, dealId: bigint): Uint8Array | undefined {
  const raw = store?.getItem(dealKeyStorage(chainId, dealId));
  return raw && /^0x[0-9a-f]{64}$/i.test(raw) ? hexToBytes(raw as Hex) : undefined;
}

const attestationStorage = (chainId: number, wallet: Address) => `peerlock:room-key-attestation:${chainId}:${wallet.toLowerCase()}`;

/**
 * The wallet's signed RoomKey attestation for this browser's key, kept so it can be published to
 * the relays of every room the wallet opens without asking the wallet again (it is public).
 */
export function saveRoomKeyAttestation(store: KeyValueStore | undefined, chainId: number, attestation: RoomKeyAttestation): void {
  try {
    store?.setItem(attestationStorage(chainId, attestation.wallet), JSON.stringify(encodeRoomKeyAttestation(attestation)));
  } catch {
    // storage blocked: the attestation is asked for again next time
  }
}

/** The kept attestation, only when it is for `publicKey` (the key this browser holds now). */
export function loadRoomKeyAttestation(
  store: KeyValueStore | undefined,
  chainId: number,
  wallet: Address,
  publicKey: Hex,
): RoomKeyAttestation | undefined {
  try {
    const raw = store?.getItem(attestationStorage(chainId, wallet));
    const parsed = roomKeyAttestationSchema.safeParse(raw ? JSON.parse(raw) : null);
    if (!parsed.success || parsed.data.publicKey !== publicKey.toLowerCase()) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}
