import { and, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { PublicClient } from "viem";
import { chainClient } from "../shared/chain";
import { getDb, type ServerDb } from "../shared/db/client";
import { type OrderbookConfig, orderbookConfig, syncKey } from "./config";
import { applyLogs, bookEvents } from "./logs";
import { recheckBatch } from "./recheck";
import { orderbookSync } from "./schema";

/** How long a sync step may hold the lease before another request may take over (a crashed step). */
const LEASE_MS = 30_000;

const holder = globalThis as typeof globalThis & { __peerlockBookSync?: Promise<void> };

/**
 * Brings the book up to date, lazily: run before list reads instead of on a timer, so it works
 * under serverless and hot reload. Concurrent callers in one process share the running step;
 * across processes a lease row in the database lets one step run at a time, and at most once
 * per `syncIntervalMs`. A failing chain never fails the read: the book is served as stored.
 */
export function syncOrderBook(): Promise<void> {
  holder.__peerlockBookSync ??= syncStep()
    .catch((error: unknown) => console.error("order book sync:", error instanceof Error ? error.message : error))
    .finally(() => {
      holder.__peerlockBookSync = undefined;
    });
  return holder.__peerlockBookSync;
}

async function syncStep(): Promise<void> {
  const config = orderbookConfig();
  if (!config.signedSwap) return;
  const key = syncKey(config.chainId, config.signedSwap);
  const db = await getDb();
  await db
    .insert(orderbookSync)
    .values({ key, lastBlock: config.startBlock - 1n })
    .onConflictDoNothing();

  const now = Date.now();
  const [lease] = await db
    .update(orderbookSync)
    .set({ leaseUntil: new Date(now + LEASE_MS) })
    .where(
      and(
        eq(orderbookSync.key, key),
        or(isNull(orderbookSync.leaseUntil), lt(orderbookSync.leaseUntil, new Date(now))),
        or(isNull(orderbookSync.syncedAt), lte(orderbookSync.syncedAt, new Date(now - config.syncIntervalMs))),
      ),
    )
    .returning();
  if (!lease) return; // synced recently, or another process is at it

  try {
    const client = chainClient();
    await followLogs(db, client, config, key, lease.lastBlock);
    await recheckBatch(db, client, { chainId: config.chainId, signedSwap: config.signedSwap }, config.recheckBatch);
  } finally {
    await db.update(orderbookSync).set({ syncedAt: new Date(), leaseUntil: null }).where(eq(orderbookSync.key, key));
  }
}

/** Up to `logRangesPerSync` eth_getLogs calls of `logBlockRange` blocks each, saving progress after each. */
async function followLogs(db: ServerDb, client: PublicClient, config: OrderbookConfig, key: string, lastBlock: bigint): Promise<void> {
  const address = config.signedSwap!;
  const head = await client.getBlockNumber({ cacheTime: 0 });
  // a node restarted from scratch (pnpm dev) is behind what we saw: follow it again from the deploy
  let from = lastBlock > head ? config.startBlock : lastBlock + 1n;
  for (let i = 0; i < config.logRangesPerSync && from <= head; i++) {
    const to = from + config.logBlockRange - 1n < head ? from + config.logBlockRange - 1n : head;
    const logs = await client.getLogs({ address, events: bookEvents, fromBlock: from, toBlock: to, strict: true });
    await applyLogs(db, client, address, logs);
    await db.update(orderbookSync).set({ lastBlock: to }).where(eq(orderbookSync.key, key));
    from = to + 1n;
  }
}
