import {
  type Deal,
  DealStatus,
  type DealContext,
  publicKeyBytes,
  type RoomKeyPair,
  roomKeyAttestationSchema,
  sealedFromText,
  sealedToText,
  type TypedDataVerifier,
  unwrapDealKey,
  verifyRoomKeyAttestation,
  wrapDealKey,
} from "@peerlock/sdk";
import { type Address, bytesToHex, type Hex, isAddressEqual } from "viem";
import { appChainId } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import { roomApi, type RoomKeyRecord } from "./roomApi";

/** Where a deal's sealed items belong (their associated data). */
export function dealContext(dealId: bigint): DealContext {
  if (!appDeployment) throw new Error("Peerlock is not deployed on this chain.");
  return { chainId: appChainId, escrow: appDeployment.dealEscrow.address, dealId };
}

/** My deal key: from my wrap for my current room key, or from this browser's own copy (the seller). */
export async function openDealKey(dealId: bigint, account: Address, roomKey: RoomKeyPair, own: Uint8Array | undefined) {
  const keys = await roomApi.dealKeys(dealId);
  const mine = bytesToHex(roomKey.publicKey);
  const wrap = keys.wraps.find((w) => w.readerPublicKey === mine);
  const dealKey = wrap ? unwrapDealKey(sealedFromText(wrap.wrap), { wallet: account, secretKey: roomKey.secretKey }, dealContext(dealId)) : own;
  return { dealKey, readers: keys.readers };
}

/** Checks a reader's published attestation here (EOA or EIP-1271) before wrapping a key to it. */
async function checkedKey(record: RoomKeyRecord, reader: Address, verify: TypedDataVerifier): Promise<Uint8Array | undefined> {
  const parsed = roomKeyAttestationSchema.safeParse(record);
  if (!parsed.success || !isAddressEqual(parsed.data.wallet, reader)) return undefined;
  const ok = await verifyRoomKeyAttestation(parsed.data, appChainId, verify, BigInt(Math.floor(Date.now() / 1000)));
  return ok ? publicKeyBytes(parsed.data) : undefined;
}

/**
 * Wraps the deal key for every reader the server lists without one (SPEC v3: the seller for a
 * buyer, either party for the arbiter once disputed; the server lists the arbiter only then, and
 * this browser checks the status again). Returns how many wraps were stored.
 */
export async function shareDealKey(
  dealId: bigint,
  deal: Deal,
  dealKey: Uint8Array,
  readers: { wallet: Address; key: RoomKeyRecord | null; wrapped: boolean }[],
  verify: TypedDataVerifier,
): Promise<number> {
  const disputed = deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;
  const wraps: { reader: Address; readerPublicKey: Hex; wrap: string }[] = [];
  for (const r of readers) {
    if (r.wrapped || !r.key) continue;
    if (isAddressEqual(r.wallet, deal.arbiter) && !isAddressEqual(r.wallet, deal.seller) && !disputed) continue;
    const publicKey = await checkedKey(r.key, r.wallet, verify);
    if (!publicKey) continue;
    const wrap = wrapDealKey(dealKey, { wallet: r.wallet, publicKey }, dealContext(dealId));
    wraps.push({ reader: r.wallet, readerPublicKey: bytesToHex(publicKey), wrap: sealedToText(wrap) });
  }
  if (wraps.length === 0) return 0;
  return (await roomApi.postWraps(dealId, wraps)).stored;
}
