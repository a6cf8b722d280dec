// `pnpm bench:indexer`: what the indexer buys at scale. Seeds BENCH_TRADES trades (default
// 20,000) on a fresh Hardhat node, then prints: backfill speed on PGlite and (with
// BENCH_DATABASE_URL or TEST_DATABASE_URL, a role that may CREATE DATABASE) on PostgreSQL;
// p50/p95 of the market's first page and of the busiest address's reputation, at 100 trades
// and at N (with that address's deal count, so an empty table cannot pass); the bytes the
// browser downloads for the market's first page at 100 trades and at N; and the whole-book
// loadMarket (chain reads) at N for comparison.
// Ports: BENCH_CHAIN_PORT (default 8618), BENCH_INDEXER_PORT (default 8619).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Deployment } from "@peerlock/sdk";
import { startLocalChain } from "@peerlock/devkit/localChain";
import { stopAll } from "@peerlock/devkit/processes";
import { createDatabase } from "../test/harness/postgres.ts";
import { seedTrades } from "./seedTrades.ts";
import { startBenchIndexer } from "./runIndexer.ts";

const trades = Number(process.env.BENCH_TRADES ?? 20_000);
const chainPort = Number(process.env.BENCH_CHAIN_PORT ?? 8618);
const indexerPort = Number(process.env.BENCH_INDEXER_PORT ?? 8619);
/** The whole-book read is given this long (BENCH_WHOLE_BOOK_TIMEOUT_S); past it, it counts as failed. */
const wholeBookTimeoutS = Number(process.env.BENCH_WHOLE_BOOK_TIMEOUT_S ?? 180);
const root = join(import.meta.dirname, "..");
const workDir = join(root, ".ponder", "bench");
const api = `http://127.0.0.1:${indexerPort}`;
const log = (s: string) => console.log(s);
if (!Number.isInteger(trades) || trades < 200) throw new Error("BENCH_TRADES must be a whole number of at least 200");

process.on("exit", stopAll);
mkdirSync(workDir, { recursive: true });
const chain = await startLocalChain({
  host: "127.0.0.1",
  port: chainPort,
  logFile: join(workDir, "chain.log"),
  appUrl: "http://localhost:3000",
  step: (s) => log(`› ${s}`),
});
const { getDeployment } = await import("@peerlock/sdk");
const deployment = getDeployment(31337) as Deployment;

/** The requests the market page makes for its first screen, and their bytes (raw and gzip). */
async function firstPageBytes() {
  const get = async (path: string) => Buffer.from(await (await fetch(`${api}${path}`)).arrayBuffer());
  const offers = await get("/api/offers?sort=newest&limit=20");
  const deals = await get("/api/deals?limit=20");
  const people = [
    ...new Set([
      ...JSON.parse(offers.toString()).items.map((o: { maker: string }) => o.maker),
      ...JSON.parse(deals.toString()).items.map((d: { seller: string }) => d.seller),
    ]),
  ];
  const reps = await get(`/api/reputation?addresses=${people.join(",")}`);
  const status = await get("/api/status");
  const all = [status, offers, deals, reps];
  return { raw: all.reduce((n, b) => n + b.length, 0), gzip: all.reduce((n, b) => n + gzipSync(b).length, 0) };
}

async function latencies(path: string, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const res = await fetch(`${api}${path}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95) };
}

async function eventCount(): Promise<number> {
  const res = await fetch(chain.rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "eth_getLogs",
      params: [{ fromBlock: "0x0", toBlock: "latest", address: [deployment.swapEscrow.address, deployment.dealEscrow.address] }],
    }),
  });
  return ((await res.json()) as { result: unknown[] }).result.length;
}

const fresh = () => join(mkdtempSync(join(workDir, "pglite-")), "data");
const pgAdminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
/** The seed's first trader makes or takes a fifth of all trades: the busiest address. */
const BUSIEST = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";

/** The busiest address's deals in its reputation (released either side, resolved, lapsed, backed out). */
async function busiestDeals(): Promise<number> {
  const r = (await (await fetch(`${api}/api/addresses/${BUSIEST}/reputation`)).json()) as Record<string, number>;
  return r.dealsReleasedAsSeller! + r.dealsReleasedAsBuyer! + r.dealsResolved! + r.lapsedAsBuyer! + r.backedOutAsBuyer!;
}

/** What the read path costs at the current size: first page by price and the busiest reputation. */
async function readCosts() {
  return {
    marketByPrice: await latencies("/api/offers?sort=priceAsc&limit=20", 100),
    reputation: await latencies(`/api/addresses/${BUSIEST}/reputation`, 100),
    deals: await busiestDeals(),
  };
}

log(`› seeding the first 100 trades`);
let seedStart = performance.now();
await seedTrades(chain.rpcUrl, deployment, 0, 100, log);
log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
let indexer = await startBenchIndexer({ rpcUrl: chain.rpcUrl, port: indexerPort, dataDir: fresh(), logFile: join(workDir, "indexer-100.log") });
const bytesAt100 = await firstPageBytes();
const at100 = await readCosts();
await indexer.stop();

log(`› seeding ${trades - 100} more trades (automine off, many per block)`);
seedStart = performance.now();
await seedTrades(chain.rpcUrl, deployment, 100, trades, log);
log(`  seeded in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
const events = await eventCount();

log(`› backfilling ${events} events into a fresh PGlite index`);
indexer = await startBenchIndexer({ rpcUrl: chain.rpcUrl, port: indexerPort, dataDir: fresh(), logFile: join(workDir, "indexer-n.log") });
const backfillSeconds = indexer.caughtUpMs / 1000;
log(`  caught up in ${backfillSeconds.toFixed(1)} s`);
const bytesAtN = await firstPageBytes();
const market = await latencies("/api/offers?sort=newest&limit=20", 200);
const atN = await readCosts();
await indexer.stop();

let postgres = "skipped: set BENCH_DATABASE_URL or TEST_DATABASE_URL";
if (pgAdminUrl) {
  log(`› backfilling the same ${events} events into a fresh PostgreSQL database`);
  const db = await createDatabase(pgAdminUrl);
  try {
    const pg = await startBenchIndexer({
      rpcUrl: chain.rpcUrl,
      port: indexerPort,
      dataDir: fresh(),
      databaseUrl: db.url,
      logFile: join(workDir, "indexer-pg.log"),
    });
    const seconds = pg.caughtUpMs / 1000;
    postgres = `${seconds.toFixed(1)} s = ${Math.round(events / seconds).toLocaleString("en")} events/s`;
    await pg.stop();
  } finally {
    await db.drop();
  }
}

const kb = (n: number) => (n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const ms = (n: number) => `${n.toFixed(1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
log(`
| at ${trades.toLocaleString("en")} trades (${events.toLocaleString("en")} events) | value |
|---|---|
| backfill (fresh PGlite, start to caught up) | ${backfillSeconds.toFixed(1)} s = ${Math.round(events / backfillSeconds).toLocaleString("en")} events/s |
| backfill (fresh PostgreSQL, start to caught up) | ${postgres} |
| market first page (20 offers, newest) p50 / p95 | ${ms(market.p50)} / ${ms(market.p95)} |
| market first page (20 offers, by price) p50 / p95, at 100 trades | ${ms(at100.marketByPrice.p50)} / ${ms(at100.marketByPrice.p95)} |
| market first page (20 offers, by price) p50 / p95, at ${trades.toLocaleString("en")} | ${ms(atN.marketByPrice.p50)} / ${ms(atN.marketByPrice.p95)} (${ratio(atN.marketByPrice.p50, at100.marketByPrice.p50)} the p50 at 100) |
| reputation of the busiest address p50 / p95, at 100 trades (${at100.deals} deals) | ${ms(at100.reputation.p50)} / ${ms(at100.reputation.p95)} |
| reputation of the busiest address p50 / p95, at ${trades.toLocaleString("en")} (${atN.deals.toLocaleString("en")} deals) | ${ms(atN.reputation.p50)} / ${ms(atN.reputation.p95)} (${ratio(atN.reputation.p50, at100.reputation.p50)} the p50 at 100) |
| browser download, market first page at 100 trades | ${kb(bytesAt100.raw)} (${kb(bytesAt100.gzip)} gzip) |
| browser download, market first page at ${trades.toLocaleString("en")} trades | ${kb(bytesAtN.raw)} (${kb(bytesAtN.gzip)} gzip) |`);

log("› the whole book from the chain (@peerlock/sdk reads, what the v2 pages did), with the app's JSON-RPC batching and without");
/** Reads every offer and deal like the app's loadMarket, in a child process; a crash (e.g. out of memory) is reported. */
function wholeBook(batch: boolean): Promise<{ ms: number; bytes: number; result: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(import.meta.dirname, "wholeBook.ts"), chain.rpcUrl, deployment.swapEscrow.address, deployment.dealEscrow.address, batch ? "1" : "0"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, wholeBookTimeoutS * 1000);
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ ms: performance.now() - started, bytes: 0, result: `FAILED: not done after ${wholeBookTimeoutS} s` });
      const line = out.trim().split("\n").at(-1);
      if (code === 0 && line) return resolve(JSON.parse(line));
      const why = /heap out of memory/.test(err) ? "out of memory (Node's default heap)" : `exit ${code}`;
      resolve({ ms: performance.now() - started, bytes: 0, result: `FAILED: ${why}` });
    });
  });
}
const batched = await wholeBook(true);
const unbatched = await wholeBook(false);
log(`| whole-book loadMarket, app transport (JSON-RPC batching on) | ${ms(batched.ms)}, ${kb(batched.bytes)} received; ${batched.result} |
| whole-book loadMarket, batching off | ${ms(unbatched.ms)}, ${kb(unbatched.bytes)} received; ${unbatched.result} |
`);

rmSync(workDir, { recursive: true, force: true });
stopAll();
process.exit(0);
