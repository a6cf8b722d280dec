import {
  type Deal,
  DealStatus,
  type KeyWrapWire,
  publicKeyBytes,
  type RoomItem,
  type RoomKeyPair,
  roomKeyAttestationSchema,
  sealedFromText,
  sealedToText,
  type TypedDataVerifier,
  unwrapDealKey,
  verifyRoomKeyAttestation,
  wrapDealKey,
} from "@peerlock/sdk";
import { type Address, bytesToHex, isAddressEqual } from "viem";
import { singleFlight } from "@/lib/singleFlight";
import { appChainId } from "@/config/chain";
import { dealContext } from "./dealContext";
import { type DealKeys, isUnreachableError, roomApi, type RoomKeyRecord } from "./roomApi";
import { mayWrapFor } from "./roomItemRules";
import { type Reader, roomReaders } from "./roomReaders";
import { type ChatKey, signedWrapItem } from "./roomSigner";
import { publishToRoom } from "./useRelayRoom";

type WrapItem = Extract<RoomItem, { type: "wrap" }>;
type KeyItem = Extract<RoomItem, { type: "key" }>;
/** The relays' checked wraps and RoomKey attestations of a deal (useCheckedRelayItems). */
export type RelayKeys = { wraps: readonly WrapItem[]; keys: readonly KeyItem[] };
export const noRelayKeys: RelayKeys = { wraps: [], keys: [] };

/**
 * My deal key: from my wrap for my current room key (the server's, else a checked one from the
 * relays), or from this browser's own copy (the seller); and the deal's readers. With the server
 * down, the relays alone answer both.
 */
export async function openDealKey(
  dealId: bigint,
  deal: Deal,
  account: Address,
  roomKey: RoomKeyPair,
  own: Uint8Array | undefined,
  relay: RelayKeys = noRelayKeys,
) {
  let server: DealKeys | undefined;
  try {
    server = await roomApi.dealKeys(dealId);
  } catch (error) {
    if (!isUnreachableError(error)) throw error;
  }
  const mine = bytesToHex(roomKey.publicKey);
  const reader = { wallet: account, secretKey: roomKey.secretKey };
  const serverWrap = server?.wraps.find((w) => w.readerPublicKey === mine);
  let dealKey: Uint8Array | undefined;
  let serverError: unknown;
  if (serverWrap) {
    try {
      dealKey = unwrapDealKey(sealedFromText(serverWrap.wrap), reader, dealContext(dealId));
    } catch (error) {
      serverError = error;
    }
  }
  for (const w of relay.wraps) {
    if (dealKey) break;
    if (!isAddressEqual(w.wrap.reader, account) || w.wrap.readerPublicKey !== mine) continue;
    try {
      dealKey = unwrapDealKey(sealedFromText(w.wrap.wrap), reader, dealContext(dealId));
    } catch {
      // a relay's wrap that does not open is skipped, never shown
    }
  }
  if (!dealKey && serverError) throw serverError;
  return { dealKey: dealKey ?? (serverWrap ? undefined : own), readers: roomReaders(deal, server, relay.keys, relay.wraps) };
}

/** Checks a reader's published attestation here (EOA or EIP-1271) before wrapping a key to it. */
async function checkedKey(record: RoomKeyRecord, reader: Address, verify: TypedDataVerifier): Promise<Uint8Array | undefined> {
  const parsed = roomKeyAttestationSchema.safeParse(record);
  if (!parsed.success || !isAddressEqual(parsed.data.wallet, reader)) return undefined;
  const ok = await verifyRoomKeyAttestation(parsed.data, appChainId, verify, BigInt(Math.floor(Date.now() / 1000)));
  return ok ? publicKeyBytes(parsed.data) : undefined;
}

/** Who signs the wraps this browser publishes to relays: the wallet, through its chat key. */
export type WrapSigner = { author: Address; chatKey: () => Promise<ChatKey> };

const sharing = singleFlight<number>();

/**
 * Wraps the deal key for every reader listed without one (SPEC v3: the seller for a buyer, either
 * party for the arbiter once disputed; the server lists the arbiter only then, and this browser
 * checks the status again), and stores the wraps on the server and, signed, on the relays. A
 * server that cannot be reached is skipped. Returns how many wraps were stored somewhere.
 */
export function shareDealKey(
  dealId: bigint,
  deal: Deal,
  dealKey: Uint8Array,
  readers: readonly Reader[],
  verify: TypedDataVerifier,
  signer?: WrapSigner,
): Promise<number> {
  // The deal page's panels and the header may all see the same reader at once: one share runs.
  return sharing(dealId.toString(), () => wrapForReaders(dealId, deal, dealKey, readers, verify, signer));
}

async function wrapForReaders(
  dealId: bigint,
  deal: Deal,
  dealKey: Uint8Array,
  readers: readonly Reader[],
  verify: TypedDataVerifier,
  signer?: WrapSigner,
): Promise<number> {
  const disputed = deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;
  const wraps: KeyWrapWire[] = [];
  for (const r of readers) {
    if (r.wrapped || !r.key) continue;
    if (isAddressEqual(r.wallet, deal.arbiter) && !isAddressEqual(r.wallet, deal.seller) && !disputed) continue;
    const publicKey = await checkedKey(r.key, r.wallet, verify);
    if (!publicKey) continue;
    const wrap = wrapDealKey(dealKey, { wallet: r.wallet, publicKey }, dealContext(dealId));
    wraps.push({ reader: r.wallet, readerPublicKey: bytesToHex(publicKey), wrap: sealedToText(wrap) });
  }
  if (wraps.length === 0) return 0;
  const [onServer, onRelays] = await Promise.all([
    roomApi.postWraps(dealId, wraps).then(
      (r) => r.stored,
      (error) => {
        if (isUnreachableError(error)) return 0;
        throw error;
      },
    ),
    signer ? publishWraps(dealId, deal, wraps, signer) : 0,
  ]);
  const stored = Math.max(onServer, onRelays);
  if (stored === 0) throw new Error("The deal key could not be shared: neither the server nor any relay took it. Trying again shortly.");
  return stored;
}

/** Each wrap its author may give (roomItemRules.mayWrapFor), signed and sent to every relay; how many a relay took. */
async function publishWraps(dealId: bigint, deal: Deal, wraps: readonly KeyWrapWire[], signer: WrapSigner): Promise<number> {
  const allowed = wraps.filter((w) => mayWrapFor(deal, signer.author, w.reader));
  if (allowed.length === 0) return 0;
  const key = await signer.chatKey();
  let taken = 0;
  for (const w of allowed) {
    const results = await publishToRoom(dealId, await signedWrapItem(key, signer.author, dealId, w));
    if (results.some((r) => r.ok)) taken += 1;
  }
  return taken;
}
