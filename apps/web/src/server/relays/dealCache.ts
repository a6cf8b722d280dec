import type { Deal } from "@peerlock/sdk";
import { readDeal } from "../room/deals";
import { headBlock } from "../shared/chain";

/**
 * Deals as of the chain's current block, for the relay ingest: a burst of room items (a backlog
 * from a relay) costs one deal read per deal and block, not one per item. Each read is pinned to
 * that block, and a new block empties the cache, so no grant outlives a status change. The head
 * itself is asked every time (no cache): an item sent right after its deal was opened must not be
 * judged against the block before.
 */
const MAX_DEALS = 1_000;
const holder = globalThis as typeof globalThis & { __peerlockIngestDeals?: { block: bigint; deals: Map<string, Promise<Deal | null>> } };

export async function dealAtHead(dealId: bigint): Promise<Deal | null> {
  const block = await headBlock();
  let cache = holder.__peerlockIngestDeals;
  if (!cache || cache.block !== block || cache.deals.size >= MAX_DEALS) {
    cache = { block, deals: new Map() };
    holder.__peerlockIngestDeals = cache;
  }
  const key = dealId.toString();
  const known = cache.deals.get(key);
  if (known) return known;
  const read = readDeal(dealId, block).catch((error: unknown) => {
    cache.deals.delete(key);
    throw error;
  });
  cache.deals.set(key, read);
  return read;
}
