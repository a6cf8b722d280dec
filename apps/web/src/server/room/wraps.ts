import { type Deal, DealStatus, type KeyWrapWire } from "@peerlock/sdk";
import { and, eq, inArray } from "drizzle-orm";
import { type Address, isAddressEqual, zeroAddress } from "viem";
import { getDb } from "../shared/db/client";
import { HttpError } from "../shared/http/errors";
import { mayReadPrivate, requireDeal, roleOf } from "./access";
import { dealKeyWraps } from "./db/schema";
import { type RoomKeyRecord, roomKeysOf } from "./keys";

/**
 * Who a deal key may be wrapped for now (SPEC v3): the seller; the buyer once the deal names one
 * (a named buyer at creation, a taker once taken); the arbiter only once the deal is disputed.
 */
export function wrapReaders(deal: Deal): Address[] {
  const readers: Address[] = [deal.seller];
  if (deal.buyer !== zeroAddress) readers.push(deal.buyer);
  if (deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved) readers.push(deal.arbiter);
  return readers;
}

function mayOpenKeys(deal: Deal, address: Address): boolean {
  return wrapReaders(deal).some((r) => isAddressEqual(r, address));
}

export type WrapState = { wallet: Address; key: RoomKeyRecord | null; wrapped: boolean };

/** Each reader of the deal now, with their published room key and whether it has a wrap. */
export async function wrapStates(dealId: bigint, deal: Deal): Promise<WrapState[]> {
  const readers = wrapReaders(deal);
  const keys = await roomKeysOf(readers);
  const rows = await (await getDb())
    .select({ reader: dealKeyWraps.reader, readerPublicKey: dealKeyWraps.readerPublicKey })
    .from(dealKeyWraps)
    .where(and(eq(dealKeyWraps.dealId, dealId.toString()), inArray(dealKeyWraps.reader, readers)));
  return readers.map((wallet) => {
    const key = keys.find((k) => isAddressEqual(k.wallet, wallet)) ?? null;
    const wrapped = !!key && rows.some((r) => isAddressEqual(r.reader as Address, wallet) && r.readerPublicKey === key.publicKey);
    return { wallet, key, wrapped };
  });
}

/** My wrap of the deal key (for my current room key, else my latest) and the readers' wrap states. */
export async function keysFor(dealId: bigint, address: Address) {
  const deal = await requireDeal(dealId);
  if (!mayOpenKeys(deal, address)) {
    throw new HttpError(403, "Only the seller, the buyer and, once the deal is disputed, the arbiter get this deal's key.");
  }
  const mine = await (await getDb())
    .select()
    .from(dealKeyWraps)
    .where(and(eq(dealKeyWraps.dealId, dealId.toString()), eq(dealKeyWraps.reader, address)));
  return {
    wraps: mine.map((w) => ({ reader: w.reader as Address, readerPublicKey: w.readerPublicKey, wrap: w.wrap })),
    readers: await wrapStates(dealId, deal),
  };
}

/**
 * Stores wraps made by `writer`'s browser (the signed-in wallet, or a relay item's verified
 * author, with the deal it read). The writer must hold the key (a reader who may read the
 * private details now); each wrap must be for a reader allowed now, to the room key they published.
 */
export async function saveWraps(dealId: bigint, writer: Address, wraps: KeyWrapWire[], known?: Deal): Promise<number> {
  const deal = known ?? (await requireDeal(dealId));
  const writerRole = roleOf(deal, writer);
  if (!(mayReadPrivate(deal, writerRole) || (writerRole === "buyer" && mayOpenKeys(deal, writer)))) {
    throw new HttpError(403, "Only a reader of this deal may share its key.");
  }
  const readers = wrapReaders(deal);
  const keys = await roomKeysOf(wraps.map((w) => w.reader));
  for (const w of wraps) {
    if (!readers.some((r) => isAddressEqual(r, w.reader))) {
      throw new HttpError(403, `${w.reader} may not read this deal now (the arbiter only once it is disputed).`);
    }
    const key = keys.find((k) => isAddressEqual(k.wallet, w.reader));
    if (!key || key.publicKey !== w.readerPublicKey) throw new HttpError(409, `${w.reader}'s published room key has changed; fetch it again.`);
  }
  if (wraps.length === 0) return 0;
  await (await getDb())
    .insert(dealKeyWraps)
    .values(wraps.map((w) => ({ dealId: dealId.toString(), reader: w.reader, readerPublicKey: w.readerPublicKey, wrap: w.wrap, wrappedBy: writer })))
    .onConflictDoNothing();
  return wraps.length;
}
