// The read model at scale, on PGlite and on PostgreSQL: a fresh index of a busy chain (enough
// deals that Ponder flushes them in bulk, through session TEMP tables named like ours) and a
// restart with a backlog (trades made while the indexer was down). From the first moment
// /api/status says caught up, every reputation figure must equal the one computed from the
// logs, and every trade up to the head it reports must be served.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Deployment } from "@peerlock/sdk";
import { type Address, parseUnits, zeroAddress } from "viem";
import { stopAll } from "@peerlock/devkit/processes";
import { chainEvents, expectedReputation } from "./expectedReputation.ts";
import { publicClient, send, startChain } from "./harness/chain.ts";
import { indexerRoot, rpcUrl } from "./harness/env.ts";
import { api, apiUrl, type Indexer, startIndexer, stopIndexer, waitCaughtUp } from "./harness/indexer.ts";
import { createDatabase } from "./harness/postgres.ts";

/** The bench's traders (#0..#4) and its arbiter (#9): everyone the seeded trades touch. */
const PEOPLE = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
  "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
  "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
  "0xa0ee7a142d267c1f36714e4a8f75612f20a79720",
] as const;

let deployment: Deployment;
let sdk: Awaited<ReturnType<typeof startChain>>["sdk"];
let seeded = 0;
const scratch: string[] = [];
let running: Indexer | undefined;

/** Seeds `count` more bench trades (20 kinds in turn, 9 of them deals). */
async function seedMore(count: number) {
  // Imported only now: it imports the SDK, which the chain's deploy has just rebuilt.
  const { seedTrades } = await import("../bench/seedTrades.ts");
  await seedTrades(rpcUrl, deployment, seeded, seeded + count, () => {});
  seeded += count;
}

before(async () => {
  const chain = await startChain();
  deployment = chain.deployment;
  sdk = chain.sdk;
  await seedMore(240);
});

after(async () => {
  if (running) await stopIndexer(running);
  stopAll();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * Polls /api/status from the indexer's start; the first time it says caught up, reads every
 * reputation and every trade at once and checks them against the chain, up to the head the
 * status reported.
 */
async function assertRightOnceCaughtUp(indexer: Indexer) {
  const deadline = Date.now() + 120_000;
  let status: { caughtUp: boolean; headBlock: string | null; indexedBlock: string | null } | undefined;
  while (Date.now() < deadline) {
    if (indexer.process.exitCode !== null) throw new Error(`the indexer exited; see ${indexer.logFile}`);
    const res = await fetch(`${apiUrl}/api/status`).catch(() => null);
    if (res?.ok) {
      status = (await res.json()) as typeof status;
      if (status?.caughtUp) break;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.ok(status?.caughtUp, `caught up within 120 s; see ${indexer.logFile}`);
  const [reps, dealCount, offerCount] = await Promise.all([
    api(`/api/reputation?addresses=${PEOPLE.join(",")}`),
    publicClient.readContract({ address: deployment.dealEscrow.address, abi: sdk.dealEscrowAbi, functionName: "dealCount" }) as Promise<bigint>,
    publicClient.readContract({ address: deployment.swapEscrow.address, abi: sdk.swapEscrowAbi, functionName: "offerCount" }) as Promise<bigint>,
  ]);
  const lastDeal = await api(`/api/deals/${dealCount}`);
  const lastOffer = await api(`/api/offers/${offerCount}`);
  // Nothing is mined while the suite checks, so the head it reported is the chain's head.
  assert.equal(BigInt(status!.headBlock!), await publicClient.getBlockNumber(), "status reports the chain head");
  assert.equal(lastDeal.status, 200, `deal ${dealCount} (the newest) is served once caught up`);
  assert.equal(lastOffer.status, 200, `offer ${offerCount} (the newest) is served once caught up`);

  const events = await chainEvents(deployment, sdk);
  const opened = events.deal.filter((l) => l.eventName === "DealOpened").length;
  assert.ok(opened > 50, `more than 50 deals on the chain (${opened})`);
  for (const [k, who] of PEOPLE.entries()) {
    const { address, ...served } = reps.body.items[k];
    assert.equal(address, who);
    assert.deepEqual(served, expectedReputation(events, who), `reputation of ${who}`);
  }
  const busiest = expectedReputation(events, PEOPLE[0]);
  assert.ok(busiest.dealsReleasedAsSeller + busiest.dealsReleasedAsBuyer + busiest.dealsResolved > 10, "the busiest address has many deals");
}

/** A fresh index of the seeded chain, then a restart after trades made while it was down. */
async function freshThenBacklog(name: string, db: { dataDir?: string; databaseUrl?: string }) {
  const run = async (step: string) => {
    running = startIndexer(`${name}-${step}`, db);
    await assertRightOnceCaughtUp(running);
  };
  await run("fresh");
  await stopIndexer(running!);
  await seedMore(120);
  await run("backlog");
  await stopIndexer(running!);
  // And a restart with nothing new: Ponder re-indexes its unfinalized blocks.
  await run("restart");
}

describe("read model at scale on PGlite", () => {
  test("fresh backfill of a busy chain, then a restart with a backlog: every figure equals the logs", async () => {
    mkdirSync(join(indexerRoot, ".ponder"), { recursive: true });
    const folder = mkdtempSync(join(indexerRoot, ".ponder", "test-scale-"));
    scratch.push(folder);
    try {
      await freshThenBacklog("scale-pglite", { dataDir: join(folder, "pglite") });
    } catch (error) {
      if (running) await stopIndexer(running);
      throw error;
    }
  });

  test("price order is exact: prices that differ in the 21st digit do not tie", async () => {
    const [A] = PEOPLE;
    const usd = deployment.tokens.find((t) => t.symbol === "tUSD")!.address;
    const btc = deployment.tokens.find((t) => t.symbol === "tBTC")!.address;
    const big = 3n * 10n ** 20n + 1n;
    await send(A, usd, sdk.testTokenAbi, "mint", [A, big + parseUnits("1", 6)]);
    await send(A, usd, sdk.testTokenAbi, "approve", [deployment.swapEscrow.address, big * 2n]);
    const create = (sell: bigint, buy: bigint) =>
      send(A as Address, deployment.swapEscrow.address, sdk.swapEscrowAbi, "createOffer", [usd, sell, btc, buy, zeroAddress, 0n, false]);
    // The cheaper one first: were the two prices to tie, newest first would put it second.
    await create(big, 10n ** 20n); // 1e20 / (3e20 + 1): a hair under 1/3
    await create(3n, 1n); // exactly 1/3
    await waitCaughtUp(running!);
    const count = (await publicClient.readContract({
      address: deployment.swapEscrow.address,
      abi: sdk.swapEscrowAbi,
      functionName: "offerCount",
    })) as bigint;
    const pair = `sellToken=${usd}&buyToken=${btc}`;
    const asc = (await api(`/api/offers?${pair}&sort=priceAsc&limit=100`)).body.items.map((o: any) => o.offerId);
    const desc = (await api(`/api/offers?${pair}&sort=priceDesc&limit=100`)).body.items.map((o: any) => o.offerId);
    assert.deepEqual(asc, [String(count - 1n), String(count)]);
    assert.deepEqual(desc, [String(count), String(count - 1n)]);
    // One row a page: the keyset cursor keeps the same exact order.
    const first = (await api(`/api/offers?${pair}&sort=priceAsc&limit=1`)).body;
    const second = (await api(`/api/offers?${pair}&sort=priceAsc&limit=1&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(
      [...first.items, ...second.items].map((o: any) => o.offerId),
      asc,
    );
    await stopIndexer(running!);
    running = undefined;
  });
});

describe("read model at scale on PostgreSQL", () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  test("fresh backfill of a busy chain, then a restart with a backlog: every figure equals the logs", {
    skip: adminUrl ? false : "TEST_DATABASE_URL is not set: PostgreSQL half skipped",
  }, async () => {
    const db = await createDatabase(adminUrl!);
    try {
      await freshThenBacklog("scale-postgres", { databaseUrl: db.url });
    } finally {
      if (running) await stopIndexer(running);
      running = undefined;
      await db.drop();
    }
  });
});
