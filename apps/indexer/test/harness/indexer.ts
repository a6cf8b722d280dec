// Starts the indexer the way `pnpm --filter @peerlock/indexer start` does (scripts/start.ts),
// waits until it has indexed the chain head, reads its API, and stops or kills it.
import { type ChildProcess, spawn } from "node:child_process";
import { openSync } from "node:fs";
import { join } from "node:path";
import { publicClient } from "./chain.ts";
import { indexerPort, indexerRoot, logDir, rpcUrl } from "./env.ts";

export const apiUrl = `http://127.0.0.1:${indexerPort}`;

export type Indexer = { process: ChildProcess; logFile: string };

export function startIndexer(name: string, db: { dataDir?: string; databaseUrl?: string }): Indexer {
  const logFile = join(logDir, `${name}.log`);
  const out = openSync(logFile, "w");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CHAIN_ID: "31337",
    PONDER_RPC_URL: rpcUrl,
    INDEXER_PORT: String(indexerPort),
    PONDER_LOG_LEVEL: "warn",
  };
  delete env.DATABASE_URL;
  if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
  if (db.dataDir) env.PONDER_DATA_DIR = db.dataDir;
  const child = spawn(process.execPath, [join(indexerRoot, "scripts", "start.ts")], { env, detached: true, stdio: ["ignore", out, out] });
  return { process: child, logFile };
}

/**
 * Stops the indexer. SIGTERM goes to the start script, which hands it to Ponder once (a clean
 * shutdown that releases the schema lock); if that takes over 10 s, or with SIGKILL (a crash),
 * the whole process group is killed.
 */
export async function stopIndexer(indexer: Indexer, signal: "SIGTERM" | "SIGKILL" = "SIGTERM") {
  const pid = indexer.process.pid;
  if (indexer.process.exitCode !== null || indexer.process.signalCode !== null || pid === undefined) return;
  const exited = new Promise((resolve) => indexer.process.once("exit", resolve));
  const killGroup = () => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  if (signal === "SIGKILL") killGroup();
  else process.kill(pid, "SIGTERM");
  const timer = setTimeout(killGroup, 10_000);
  await exited;
  clearTimeout(timer);
  killGroup(); // nothing of the group may outlive the start script
  await new Promise((r) => setTimeout(r, 300));
}

export async function api<T = any>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${apiUrl}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}

export async function indexedBlock(): Promise<bigint | null> {
  try {
    const { status, body } = await api<{ indexedBlock: string | null }>("/api/status");
    return status === 200 && body.indexedBlock !== null ? BigInt(body.indexedBlock) : null;
  } catch {
    return null;
  }
}

/**
 * The block of Ponder's own checkpoint (its /status): where a backfill has got to. Unlike
 * /api/status it may be ahead of what is queryable after a restart, so only the
 * mid-backfill tests use it.
 */
export async function checkpointBlock(): Promise<bigint | null> {
  try {
    const res = await fetch(`${apiUrl}/status`);
    if (!res.ok) return null;
    const body = (await res.json()) as Record<string, { block: { number: number } }>;
    const chain = Object.values(body)[0];
    return chain ? BigInt(chain.block.number) : null;
  } catch {
    return null;
  }
}

/** Waits until the index has reached the chain head (Ponder's /ready comes before the last blocks). */
export async function waitCaughtUp(indexer: Indexer, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (indexer.process.exitCode !== null) throw new Error(`the indexer exited (${indexer.process.exitCode}); see ${indexer.logFile}`);
    const [indexed, head] = await Promise.all([indexedBlock(), publicClient.getBlockNumber()]);
    if (indexed !== null && indexed >= head) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the indexer did not catch up within ${timeoutMs / 1000}s; see ${indexer.logFile}`);
}
