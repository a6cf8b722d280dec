// The indexer against a real Hardhat node, with PGlite and with PostgreSQL: after a scripted
// set of trades (and an indexer stopped mid-backfill and restarted), every indexed row equals
// the contract getters and every reputation figure equals the test's own count from the logs.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Deployment } from "@peerlock/sdk";
import { stopAll } from "@peerlock/devkit/processes";
import { assertIndexMatchesChain, snapshot } from "./checks.ts";
import { accounts, publicClient, send, startChain } from "./harness/chain.ts";
import { indexerRoot } from "./harness/env.ts";
import { api, apiUrl, checkpointBlock, type Indexer, startIndexer, stopIndexer, waitCaughtUp } from "./harness/indexer.ts";
import { createDatabase } from "./harness/postgres.ts";
import { runScenario } from "./scenario.ts";
import { runSignedScenario, type SignedScenario } from "./signedScenario.ts";

let deployment: Deployment;
let sdk: Awaited<ReturnType<typeof startChain>>["sdk"];
let signed: SignedScenario;
let running: Indexer | undefined;
const scratch: string[] = [];

before(async () => {
  const chain = await startChain();
  deployment = chain.deployment;
  sdk = chain.sdk;
  await runScenario(deployment, sdk);
  signed = await runSignedScenario(deployment, sdk);
});

after(async () => {
  if (running) await stopIndexer(running);
  stopAll();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Starts the indexer and stops it with `signal` once it has indexed some blocks but not all. */
async function interruptMidBackfill(name: string, db: { dataDir?: string; databaseUrl?: string }, signal: "SIGTERM" | "SIGKILL") {
  const head = await publicClient.getBlockNumber();
  const indexer = startIndexer(name, db);
  const deadline = Date.now() + 90_000;
  let seen: bigint | null = null;
  while (Date.now() < deadline && indexer.process.exitCode === null) {
    seen = await checkpointBlock();
    if (seen !== null && seen < head) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await stopIndexer(indexer, signal);
  assert.ok(seen !== null && seen < head, `stopped mid-backfill (at block ${seen} of ${head})`);
}

async function runAndCheck(name: string, db: { dataDir?: string; databaseUrl?: string }, signal: "SIGTERM" | "SIGKILL") {
  await interruptMidBackfill(`${name}-interrupted`, db, signal);
  running = startIndexer(name, db);
  await waitCaughtUp(running);
  return assertIndexMatchesChain(deployment, sdk);
}

describe("indexer on PGlite", () => {
  test("stopped mid-backfill and restarted, then equal to the chain", async () => {
    mkdirSync(join(indexerRoot, ".ponder"), { recursive: true });
    const folder = mkdtempSync(join(indexerRoot, ".ponder", "test-"));
    scratch.push(folder);
    const dataDir = join(folder, "pglite");
    await runAndCheck("pglite", { dataDir }, "SIGTERM");
  });

  test("market pages: every open offer once, in price order, whatever the page size", async () => {
    // read with the SDK's schemas, as the app reads them
    const offerPage = sdk.indexerPageSchema(sdk.indexedOfferSchema);
    const all = offerPage.parse((await api("/api/offers?sort=priceAsc&limit=100")).body).items.map((o) => o.id);
    assert.ok(all.length >= 4);
    const paged: bigint[] = [];
    let cursor: string | null = null;
    do {
      const page = offerPage.parse((await api(`/api/offers?sort=priceAsc&limit=1${cursor ? `&cursor=${cursor}` : ""}`)).body);
      paged.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all);
    const usd = deployment.tokens.find((t) => t.symbol === "tUSD")!.address.toLowerCase();
    const selling = offerPage.parse((await api(`/api/offers?sellToken=${usd}`)).body);
    assert.ok(selling.items.length > 0 && selling.items.every((o) => o.sellToken === usd));
    assert.equal(selling.tokens[usd]?.symbol, "tUSD");
    const deals = sdk.indexerPageSchema(sdk.indexedDealSchema).parse((await api("/api/deals?limit=100")).body).items;
    assert.ok(deals.length > 0 && deals.every((d) => d.status === sdk.DealStatus.Listed));
  });

  test("trades by role, arbiter queue and status", async () => {
    const [A, , C, D] = accounts;
    const made = sdk.indexerTradesPageSchema.parse((await api(`/api/addresses/${A}/trades?role=maker&limit=100`)).body);
    assert.ok(made.kind === "offer" && made.items.length > 0 && made.items.every((o) => o.maker === A));
    const bought = sdk.indexerTradesPageSchema.parse((await api(`/api/addresses/${C}/trades?role=buyer&limit=100`)).body);
    assert.ok(bought.kind === "deal" && bought.items.length > 0 && bought.items.every((d) => d.buyer === C));
    const queue = sdk.indexerPageSchema(sdk.indexedDealSchema).parse((await api(`/api/arbiters/${D}/disputes`)).body).items;
    assert.ok(queue.length >= 1 && queue.every((d) => d.arbiter === D && d.status === sdk.DealStatus.Disputed));
    const status = sdk.indexerStatusSchema.parse((await api("/api/status")).body);
    assert.equal(status.caughtUp, true);
    assert.equal(status.chainId, 31337);
  });

  test("bad input is a 400 with a plain message and changes nothing", async () => {
    const before = await snapshot(deployment, sdk);
    const bad = [
      "/api/offers?limit=1000000",
      "/api/offers?limit=-1",
      "/api/offers?limit=abc",
      "/api/offers?sort=price;drop table offers",
      "/api/offers?sellToken=' or 1=1 --",
      "/api/offers?cursor=1%20union%20select%201",
      "/api/offers?unknown=1",
      "/api/deals?token=0x1234",
      "/api/offers/0",
      "/api/deals/1;delete from deals",
      `/api/addresses/robert');drop table deals;--/reputation`,
      `/api/addresses/${accounts[0]}/trades?role=owner`,
      `/api/addresses/${accounts[0]}/trades`,
      "/api/reputation?addresses=",
      `/api/reputation?addresses=${Array(101).fill(accounts[0]).join(",")}`,
      "/api/signed/fills?limit=101",
      "/api/signed/fills?maker=0x12",
      "/api/signed/fills?cursor=12",
      "/api/signed/fills?cursor=1-2;drop table signed_fills",
      "/api/signed/fills?orderHash=0x00",
      `/api/signed/orders/0x1234/fills`,
      `/api/signed/orders/${"0x" + "ab".repeat(32)}/fills?limit=0`,
      "/api/signed/makers/0xnothex/cancellations",
    ];
    for (const path of bad) {
      const { status, body } = await api(path);
      assert.equal(status, 400, path);
      assert.equal(typeof body.error, "string", path);
      assert.ok(body.error.length > 0 && !/select|stack|internal/i.test(body.error), `${path}: ${body.error}`);
    }
    assert.deepEqual(await snapshot(deployment, sdk), before);
  });

  test("SQL over HTTP is off: a 4xx with a plain message and no internal paths", async () => {
    const probes = [
      { method: "GET", path: "/sql/db?sql=not%20json" },
      { method: "GET", path: `/sql/db?sql=${encodeURIComponent(JSON.stringify({ sql: "select * from deals", params: [] }))}` },
      { method: "POST", path: "/sql/db", body: "{{{" },
      { method: "GET", path: "/sql/live?sql=%7B" },
    ];
    for (const probe of probes) {
      const res = await fetch(`${apiUrl}${probe.path}`, { method: probe.method, body: probe.body });
      const text = await res.text();
      assert.ok(res.status >= 400 && res.status < 500, `${probe.method} ${probe.path}: ${res.status}`);
      assert.ok(!/\/work\/|node_modules|\.ts\b|\.js\b|at \w+ \(/.test(text), `${probe.path} shows no internal paths: ${text.slice(0, 200)}`);
      assert.equal(typeof JSON.parse(text).error, "string");
    }
  });

  test("signed fills by maker, taker and order, paged; reputation counts them apart", async () => {
    const all = (await api("/api/signed/fills?limit=100")).body.items;
    assert.equal(all.length, signed.fills.length);
    // Newest first, each the fill the scenario sent (order digest from the SDK's hashOrder).
    assert.deepEqual(
      all.map((f: any) => [f.orderHash, f.maker, f.taker]),
      [...signed.fills].reverse().map((f) => [f.orderHash.toLowerCase(), f.maker, f.taker]),
    );
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: any } = await api(`/api/signed/fills?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      paged.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, all);

    const [A, B] = accounts;
    const byMaker = (await api(`/api/signed/fills?maker=${A}`)).body.items;
    assert.deepEqual(
      byMaker,
      all.filter((f: any) => f.maker === A),
    );
    const both = (await api(`/api/signed/fills?maker=${A}&taker=${B}`)).body.items;
    assert.ok(both.length === 1 && both[0].maker === A && both[0].taker === B);

    // The partial order A signed was filled twice, in chain order; its sell amounts add up to the whole.
    const partialHash = signed.fills[0]!.orderHash;
    const { body: ofOrder } = await api(`/api/signed/orders/${partialHash}/fills`);
    assert.deepEqual(
      ofOrder.items.map((f: any) => f.taker),
      [accounts[1], accounts[2]],
    );
    assert.equal(
      ofOrder.items.reduce((s: bigint, f: any) => s + BigInt(f.sellAmount), 0n),
      100_000_000n,
    );
    const firstOnly = (await api(`/api/signed/orders/${partialHash}/fills?limit=1`)).body;
    const rest = (await api(`/api/signed/orders/${partialHash}/fills?limit=1&cursor=${firstOnly.nextCursor}`)).body;
    assert.deepEqual([...firstOnly.items, ...rest.items], ofOrder.items);
    assert.equal(rest.nextCursor, null);
    assert.deepEqual((await api(`/api/signed/orders/${"0x" + "00".repeat(32)}/fills`)).body.items, []);

    // The test's own count of the fills it sent; escrow figures untouched (checked against the logs above).
    const reps = (await api(`/api/reputation?addresses=${accounts.join(",")}`)).body.items;
    for (const rep of reps) {
      assert.equal(rep.signedFillsAsMaker, signed.fills.filter((f) => f.maker.toLowerCase() === rep.address).length, `${rep.address} as maker`);
      assert.equal(rep.signedFillsAsTaker, signed.fills.filter((f) => f.taker.toLowerCase() === rep.address).length, `${rep.address} as taker`);
    }

    const cancelled = (await api(`/api/signed/makers/${A}/cancellations`)).body.items;
    assert.deepEqual(
      cancelled.map((c: any) => [c.name, c.nonce]),
      signed.cancelled.map((c) => ["NonceCancelled", String(c.nonce)]),
    );
    const invalidated = (await api(`/api/signed/makers/${B}/cancellations`)).body.items;
    assert.deepEqual(
      invalidated.map((c: any) => [c.name, c.wordPos, c.mask]),
      signed.invalidated.map((c) => ["NoncesInvalidated", String(c.wordPos), String(c.mask)]),
    );
  });

  test("follows new blocks: a fill shows up once indexed", async () => {
    const open = (await api("/api/offers?limit=100")).body.items.find((o: any) => o.partialFills && o.maker !== accounts[1]);
    assert.ok(open, "an open partial offer");
    await send(accounts[1], deployment.swapEscrow.address, sdk.swapEscrowAbi, "fillOffer", [BigInt(open.offerId), 1n], 0n);
    await waitCaughtUp(running!);
    const { body } = await api(`/api/offers/${open.offerId}`);
    assert.equal(body.offer.sellRemaining, String(BigInt(open.sellRemaining) - 1n));
    assert.equal(body.history.at(-1).name, "OfferFilled");
    await stopIndexer(running!);
    running = undefined;
  });
});

describe("indexer on PostgreSQL", () => {
  const adminUrl = process.env.TEST_DATABASE_URL;
  test("killed mid-backfill and restarted, then equal to the chain", {
    skip: adminUrl ? false : "TEST_DATABASE_URL is not set: PostgreSQL half skipped",
  }, async () => {
    const db = await createDatabase(adminUrl!);
    try {
      await runAndCheck("postgres", { databaseUrl: db.url }, "SIGKILL");
    } finally {
      if (running) await stopIndexer(running);
      running = undefined;
      await db.drop();
    }
  });
});
