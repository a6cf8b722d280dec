import { DealStatus, type DealWithId, readAllDeals } from "@peerlock/sdk";
import { and, count, eq, gt, inArray, ne, sql } from "drizzle-orm";
import { type Address, isAddressEqual, zeroAddress } from "viem";
import { mayUseRoom, roleOf } from "./access";
import { ChainUnavailable, chainClient, headBlock } from "../shared/chain";
import { getDb } from "../shared/db/client";
import { roomConfig } from "./config";
import { messages, readMarkers } from "./db/schema";
import { wrapStates } from "./wraps";

export type Attention = {
  /**
   * Deals waiting for this address: pay (buyer, Taken), release (seller, Paid), resolve (arbiter,
   * Disputed), share-key (a reader with a published room key has no wrap of the deal key yet: the
   * seller for a buyer, either party for the arbiter of a disputed deal; the app does it on its own).
   */
  waiting: { dealId: string; action: "pay" | "release" | "resolve" | "share-key" }[];
  /** Messages from others this address has not read, per deal it may read. */
  unread: { dealId: string; count: number }[];
  total: number;
};

/**
 * All deals, shared by every caller while the chain's head stays the same block: a new block
 * (which any status change needs) means a fresh read, so no cached grant outlives a change.
 */
const holder = globalThis as typeof globalThis & { __peerlockRoomDeals?: { block: bigint; deals: Promise<DealWithId[]> } };

async function allDeals(): Promise<DealWithId[]> {
  const escrow = roomConfig().dealEscrow;
  if (!escrow) throw new ChainUnavailable("Peerlock is not deployed on this chain.");
  const block = await headBlock();
  const cached = holder.__peerlockRoomDeals;
  if (cached && cached.block === block) return cached.deals;
  const deals = readAllDeals(chainClient(), escrow).catch(() => {
    if (holder.__peerlockRoomDeals?.deals === deals) holder.__peerlockRoomDeals = undefined;
    throw new ChainUnavailable("The chain could not be read; try again.");
  });
  holder.__peerlockRoomDeals = { block, deals };
  return deals;
}

export async function attentionFor(address: Address): Promise<Attention> {
  const mine = (await allDeals()).map((deal) => ({ deal, role: roleOf(deal, address) })).filter(({ role }) => role !== "stranger");
  const waiting: Attention["waiting"] = [];
  for (const { deal, role } of mine) {
    if (role === "buyer" && deal.status === DealStatus.Taken) waiting.push({ dealId: deal.id.toString(), action: "pay" });
    if (role === "seller" && deal.status === DealStatus.Paid) waiting.push({ dealId: deal.id.toString(), action: "release" });
    if (role === "arbiter" && deal.status === DealStatus.Disputed) waiting.push({ dealId: deal.id.toString(), action: "resolve" });
  }
  const owed = await Promise.all(mine.map(({ deal, role }) => mustShareKey(deal, role)));
  for (const [i, { deal }] of mine.entries()) if (owed[i]) waiting.push({ dealId: deal.id.toString(), action: "share-key" });
  const readable = mine.filter(({ deal, role }) => mayUseRoom(deal, role)).map(({ deal }) => deal.id.toString());
  let unread: Attention["unread"] = [];
  if (readable.length > 0) {
    const rows = await (await getDb())
      .select({ dealId: messages.dealId, count: count() })
      .from(messages)
      .leftJoin(readMarkers, and(eq(readMarkers.dealId, messages.dealId), eq(readMarkers.address, address)))
      .where(and(inArray(messages.dealId, readable), ne(messages.author, address), gt(messages.id, sql`coalesce(${readMarkers.lastMessageId}, 0)`)))
      .groupBy(messages.dealId);
    unread = rows.map((r) => ({ dealId: r.dealId, count: Number(r.count) }));
  }
  return { waiting, unread, total: waiting.length + unread.reduce((sum, u) => sum + u.count, 0) };
}

/** The seller owes the buyer a wrap; either party owes the arbiter one once disputed. */
async function mustShareKey(deal: DealWithId, role: ReturnType<typeof roleOf>): Promise<boolean> {
  const disputed = deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;
  const owes = (role === "seller" && deal.buyer !== zeroAddress) || (disputed && (role === "seller" || role === "buyer"));
  if (!owes) return false;
  const states = await wrapStates(deal.id, deal);
  return states.some((s) => {
    if (s.wrapped || !s.key) return false;
    if (isAddressEqual(s.wallet, deal.arbiter)) return disputed;
    return role === "seller" && isAddressEqual(s.wallet, deal.buyer);
  });
}
