// Deal-room load benchmark: N clients, each signed in with SIWE and holding a session key, post
// signed messages and read their deal's conversation for 30 s against `next start` on loopback.
// Reports throughput and p50/p99 latency, then checks that every accepted message is stored
// exactly once and that no request failed with a 5xx. Messages are sealed (SPEC v3) as the
// browser seals them; beside the HTTP figures it prints the browser's cost of encryption per item
// (bench/sealCost.ts) and of sealing the run's messages.
//   pnpm bench:room                         (builds apps/web/.next-bench-room first)
//   BENCH_SKIP_BUILD=1 BENCH_CLIENTS=20 BENCH_SECONDS=10 pnpm bench:room
//   BENCH_INSTANCES=2 BENCH_DATABASE_URL=postgres://… pnpm bench:room   (N instances on one PostgreSQL)
// With BENCH_DATABASE_URL (or TEST_DATABASE_URL) the app runs on a fresh PostgreSQL database, else
// on PGlite (one instance only: PGlite is one process per folder). Each instance gets an equal
// share of the connections; the throughput reported is their sum, the latency the worst instance's.
// Ports: BENCH_ROOM_CHAIN_PORT (8624) for its Hardhat node, BENCH_ROOM_PORT (8626) and up for the app.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { zeroHash } from "viem";

const clients = Number(process.env.BENCH_CLIENTS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const chainPort = Number(process.env.BENCH_ROOM_CHAIN_PORT ?? 8624);
const webPort = Number(process.env.BENCH_ROOM_PORT ?? 8626);
const poolPerClient = Number(process.env.BENCH_POOL ?? 1_500);
const distDir = process.env.BENCH_DIST_DIR || ".next-bench-room";
const instances = Number(process.env.BENCH_INSTANCES ?? 1);
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
if (instances > 1 && !pgUrl) throw new Error("BENCH_INSTANCES > 1 needs PostgreSQL: set BENCH_DATABASE_URL (or TEST_DATABASE_URL).");
const bases = Array.from({ length: instances }, (_, i) => `http://127.0.0.1:${webPort + i}`);
/** The public origin every instance is configured with (as behind a load balancer). */
const base = bases[0]!;
const webDir = join(import.meta.dirname, "..");
const started: ChildProcess[] = [];
const stop = () => started.forEach((c) => c.pid && c.exitCode === null && process.kill(-c.pid, "SIGTERM"));
process.on("exit", stop);
process.on("SIGINT", () => process.exit(130));

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function service(command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, {
    cwd: webDir,
    env: { ...process.env, ...env },
    detached: true,
    stdio: process.env.BENCH_VERBOSE ? "inherit" : "ignore",
  });
  started.push(child);
  return child;
}

// 1. A Hardhat node of its own with DealEscrow (test/room/chain.ts reads its port at import, ROOM_DEAL_ESCROW per call).
process.env.ROOM_TEST_CHAIN_PORT = String(chainPort);
// Imported only now: test/room/chain.ts (also behind client.ts) reads the port when it loads.
const { accounts, deployRoomContracts, openDeal, rpcUrl, takeDeal } = await import("../test/room/chain");
const { RoomClient, sealFor } = await import("../test/room/client");
const { printSealCosts, sealCosts } = await import("./sealCost");
service("pnpm", ["--filter", "@peerlock/contracts", "exec", "hardhat", "node", "--hostname", "127.0.0.1", "--port", String(chainPort)], {});
await waitUntil(
  "the Hardhat node",
  async () =>
    (
      await fetch(rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      })
    ).ok,
);
const { dealEscrow } = await deployRoomContracts();
process.env.ROOM_DEAL_ESCROW = dealEscrow;

// 2. The production app on a fresh PGlite folder.
if (process.env.BENCH_SKIP_BUILD !== "1") {
  console.log("building the app (next build) into", distDir);
  const build = spawnSync("pnpm", ["exec", "next", "build"], {
    cwd: webDir,
    stdio: "inherit",
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) throw new Error("next build failed");
}
const dataDir = mkdtempSync(join(tmpdir(), "pl-room-bench-"));
let databaseUrl: string | undefined;
let dbName: string | undefined;
if (pgUrl) {
  dbName = `pl_bench_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(pgUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  await admin.end();
  const url = new URL(pgUrl);
  url.pathname = `/${dbName}`;
  databaseUrl = url.toString();
}
for (const [i, url] of bases.entries()) {
  service("pnpm", ["exec", "next", "start", "--port", String(webPort + i), "--hostname", "127.0.0.1"], {
    NEXT_DIST_DIR: distDir,
    APP_ORIGIN: base,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { SERVER_DATA_DIR: dataDir }),
    ROOM_DEAL_ESCROW: dealEscrow,
    SERVER_RPC_URL: rpcUrl,
    SERVER_RATE_LIMIT_PER_MINUTE: "100000000",
    ROOM_NONCES_PER_MINUTE: "100000",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  // one at a time: the first runs the migrations
  await waitUntil(`the app at ${url}`, async () => (await fetch(`${url}/api/room/auth/session`)).ok);
}

// 3. Deals between pairs of dev accounts; every client signs in and authorizes a session key.
type Conn = { client: InstanceType<typeof RoomClient>; dealId: bigint; pool: string[] };
const conns: Conn[] = [];
const pairs = Math.min(Math.ceil(clients / 2), Math.floor(accounts.length / 2));
const dealIds: bigint[] = [];
for (let p = 0; p < pairs; p++) {
  const id = await openDeal(zeroHash, { from: accounts[2 * p]!.address, arbiterAddress: accounts[(2 * p + 2) % accounts.length]!.address });
  await takeDeal(id, accounts[2 * p + 1]!.address);
  dealIds.push(id);
}
for (let i = 0; i < clients; i++) {
  const pair = i % (pairs * 2);
  const client = new RoomClient(bases[i % instances]!, accounts[pair]!);
  client.origin = base;
  if ((await client.signIn()).status !== 200) throw new Error("sign-in failed");
  await client.authorizeSessionKey();
  conns.push({ client, dealId: dealIds[Math.floor(pair / 2)]!, pool: [] });
}
console.log(`signing ${clients * poolPerClient} messages ahead of the run…`);
for (const conn of conns) {
  for (let k = 0; k < poolPerClient; k++) {
    conn.pool.push(JSON.stringify(await conn.client.signedMessage(conn.dealId, sealFor(conn.dealId, `bench message ${k}`))));
  }
}

// 4. The run: each connection alternates a signed POST and a GET of its deal's conversation.
const accepted = new Set<string>();
let duplicates = 0;
type Ctx = { conn?: Conn };
const run = (url: string, connections: number, mine: Conn[]) => {
  let nextMine = 0;
  const connOfRun = (ctx: Ctx) => (ctx.conn ??= mine[nextMine++ % mine.length]!);
  return autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
        setupRequest: (req, ctx) => {
          const conn = connOfRun(ctx as Ctx);
          const body = conn.pool.pop();
          if (!body)
            return { ...req, method: "GET", path: `/api/room/deals/${conn.dealId}/messages?after=0`, headers: { cookie: conn.client.cookie } };
          return {
            ...req,
            path: `/api/room/deals/${conn.dealId}/messages`,
            body,
            headers: { cookie: conn.client.cookie, "content-type": "application/json" },
          };
        },
        onResponse: (status, body) => {
          if (status === 201) {
            const id = JSON.parse(body).message.id as number;
            if (accepted.has(String(id))) duplicates++;
            accepted.add(String(id));
          }
        },
      },
      {
        method: "GET",
        setupRequest: (req, ctx) => {
          const conn = connOfRun(ctx as Ctx);
          return { ...req, path: `/api/room/deals/${conn.dealId}/messages?after=0`, headers: { cookie: conn.client.cookie } };
        },
      },
    ],
  });
};
const runs = await Promise.all(
  bases.map((url, i) => {
    const mine = conns.filter((_, k) => k % instances === i);
    return run(url, mine.length, mine);
  }),
);
const statusCodeStats: Record<string, { count: number }> = {};
for (const r of runs)
  for (const [code, st] of Object.entries(r.statusCodeStats ?? {}))
    statusCodeStats[code] = { count: (statusCodeStats[code]?.count ?? 0) + (st.count ?? 0) };
const result = {
  requests: { total: runs.reduce((n, r) => n + r.requests.total, 0), average: runs.reduce((n, r) => n + r.requests.average, 0) },
  latency: {
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    max: Math.max(...runs.map((r) => r.latency.max)),
  },
  statusCodeStats,
  errors: runs.reduce((n, r) => n + r.errors, 0),
  timeouts: runs.reduce((n, r) => n + r.timeouts, 0),
};

// 5. Every accepted message is stored exactly once.
let stored = 0;
const seen = new Set<string>();
const storedIds = new Set<string>();
for (const dealId of dealIds) {
  const reader = conns.find((c) => c.dealId === dealId)!.client;
  let after = 0;
  for (;;) {
    const page = (await reader.call("GET", `/api/room/deals/${dealId}/messages?after=${after}`)).body.messages as {
      id: number;
      clientId: string;
      author: string;
    }[];
    if (page.length === 0) break;
    for (const m of page) {
      const key = `${m.author}:${m.clientId}`;
      if (seen.has(key)) duplicates++;
      seen.add(key);
      storedIds.add(String(m.id));
      stored++;
    }
    after = page.at(-1)!.id;
  }
}
const fiveXX = Object.entries(result.statusCodeStats ?? {})
  .filter(([code]) => code.startsWith("5"))
  .reduce((n, [, s]) => n + (s.count ?? 0), 0);

const backend = databaseUrl ? "PostgreSQL" : "PGlite";
console.log(`\ndeal room, ${clients} clients for ${seconds} s on loopback (${instances} × next start, ${backend}):`);
console.log(`  requests   ${result.requests.total} (${result.requests.average.toFixed(0)}/s), half signed POSTs, half reads`);
console.log(`  latency    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`  messages   accepted ${accepted.size}, stored ${stored}, duplicates ${duplicates} (bodies sealed with the deal key)`);
printSealCosts(sealCosts());
console.log(
  `  statuses   ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([c, s]) => [c, s.count])))}, errors ${result.errors}, timeouts ${result.timeouts}`,
);
stop();
rmSync(dataDir, { recursive: true, force: true });
if (dbName) {
  await new Promise((r) => setTimeout(r, 500));
  const admin = postgres(pgUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
// Requests still in flight when the clock stopped may be stored without their 201 being counted:
// at most one per connection. Every counted one must be there.
const lost = [...accepted].filter((id) => !storedIds.has(id)).length;
console.log(`  lost       ${lost} accepted messages missing; ${stored - accepted.size} stored whose reply came after the stop`);
const ok = fiveXX === 0 && duplicates === 0 && lost === 0 && stored - accepted.size <= clients && result.errors === 0;
if (!ok) {
  console.error("✖ bench:room failed its checks (5xx, errors, lost or duplicated messages)");
  process.exit(1);
}
console.log("✓ no 5xx, every accepted message stored exactly once");
process.exit(0);
