// Deal-room load benchmark: N clients, each signed in with SIWE and holding a session key, post
// signed messages and read their deal's conversation for 30 s against `next start` on loopback.
// Reports throughput and p50/p99 latency, then checks that every accepted message is stored
// exactly once and that no request failed with a 5xx.
//   pnpm bench:room                         (builds apps/web/.next-bench-room first)
//   BENCH_SKIP_BUILD=1 BENCH_CLIENTS=20 BENCH_SECONDS=10 pnpm bench:room
// Ports: BENCH_ROOM_CHAIN_PORT (8624) for its Hardhat node, BENCH_ROOM_PORT (8626) for the app.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { zeroHash } from "viem";

const clients = Number(process.env.BENCH_CLIENTS ?? 10);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const chainPort = Number(process.env.BENCH_ROOM_CHAIN_PORT ?? 8624);
const webPort = Number(process.env.BENCH_ROOM_PORT ?? 8626);
const poolPerClient = Number(process.env.BENCH_POOL ?? 1_500);
const distDir = process.env.BENCH_DIST_DIR || ".next-bench-room";
const base = `http://127.0.0.1:${webPort}`;
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
const { RoomClient } = await import("../test/room/client");
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
service("pnpm", ["exec", "next", "start", "--port", String(webPort), "--hostname", "127.0.0.1"], {
  NEXT_DIST_DIR: distDir,
  ROOM_DATA_DIR: dataDir,
  ROOM_DEAL_ESCROW: dealEscrow,
  ROOM_RPC_URL: rpcUrl,
  ROOM_RATE_LIMIT_PER_MINUTE: "100000000",
  NEXT_TELEMETRY_DISABLED: "1",
});
await waitUntil("the app", async () => (await fetch(`${base}/api/room/auth/session`)).ok);

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
  const client = new RoomClient(base, accounts[pair]!);
  if ((await client.signIn()).status !== 200) throw new Error("sign-in failed");
  await client.authorizeSessionKey();
  conns.push({ client, dealId: dealIds[Math.floor(pair / 2)]!, pool: [] });
}
console.log(`signing ${clients * poolPerClient} messages ahead of the run…`);
for (const conn of conns) {
  for (let k = 0; k < poolPerClient; k++) conn.pool.push(JSON.stringify(await conn.client.signedMessage(conn.dealId, `bench message ${k}`)));
}

// 4. The run: each connection alternates a signed POST and a GET of its deal's conversation.
const accepted = new Set<string>();
let duplicates = 0;
let nextConn = 0;
type Ctx = { conn?: Conn };
const connOf = (ctx: Ctx) => (ctx.conn ??= conns[nextConn++ % conns.length]!);
const result = await autocannon({
  url: base,
  connections: clients,
  duration: seconds,
  requests: [
    {
      method: "POST",
      setupRequest: (req, ctx) => {
        const conn = connOf(ctx as Ctx);
        const body = conn.pool.pop();
        if (!body) return { ...req, method: "GET", path: `/api/room/deals/${conn.dealId}/messages?after=0`, headers: { cookie: conn.client.cookie } };
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
        const conn = connOf(ctx as Ctx);
        return { ...req, path: `/api/room/deals/${conn.dealId}/messages?after=0`, headers: { cookie: conn.client.cookie } };
      },
    },
  ],
});

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

console.log(`\ndeal room, ${clients} clients for ${seconds} s on loopback (next start, PGlite):`);
console.log(`  requests   ${result.requests.total} (${result.requests.average.toFixed(0)}/s), half signed POSTs, half reads`);
console.log(`  latency    p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
console.log(`  messages   accepted ${accepted.size}, stored ${stored}, duplicates ${duplicates}`);
console.log(
  `  statuses   ${JSON.stringify(Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([c, s]) => [c, s.count])))}, errors ${result.errors}, timeouts ${result.timeouts}`,
);
stop();
rmSync(dataDir, { recursive: true, force: true });
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
