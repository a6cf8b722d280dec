// The production app under test: one `next build` per run (globalSetup), then as many
// `next start` processes as a test needs, each with its own environment and port.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const webDir = join(import.meta.dirname, "..", "..");
/** Its own build folder, so a `pnpm dev` or another build in the checkout cannot clobber it. */
export const TEST_DIST_DIR = process.env.SERVER_TEST_DIST_DIR || ".next-test";
const nextBin = join(webDir, "node_modules", ".bin", "next");

/** Builds the app once; SERVER_TEST_SKIP_BUILD=1 reuses an existing build (when iterating on tests only). */
export function buildApp(): void {
  if (process.env.SERVER_TEST_SKIP_BUILD === "1" && existsSync(join(webDir, TEST_DIST_DIR, "BUILD_ID"))) return;
  const started = Date.now();
  const build = spawnSync(nextBin, ["build"], {
    cwd: webDir,
    env: { ...process.env, NEXT_DIST_DIR: TEST_DIST_DIR, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  console.log(`server tests: built the app in ${((Date.now() - started) / 1000).toFixed(0)} s (${TEST_DIST_DIR})`);
}

export type NextServer = {
  base: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output: () => string;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/** Spawns `next start` on 127.0.0.1:`port` with `env` on top of the test's environment (undefined removes a variable). */
export function spawnNext(port: number, env: Record<string, string | undefined>): NextServer {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_DIST_DIR: TEST_DIST_DIR,
    NEXT_TELEMETRY_DISABLED: "1",
    ...env,
  };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  const child = spawn(nextBin, ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: webDir,
    env: merged as NodeJS.ProcessEnv,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout!.on("data", (d) => (text += d));
  child.stderr!.on("data", (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid, "SIGKILL");
    }
  };
  return { base: `http://127.0.0.1:${port}`, port, child, output: () => text, exited, stop };
}

/** Starts `next start` and waits until it answers; throws with its output if it exits first. */
export async function startNext(port: number, env: Record<string, string | undefined>): Promise<NextServer> {
  const server = spawnNext(port, env);
  let gone = false;
  void server.exited.then(() => (gone = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`next start on ${port} exited:\n${server.output()}`);
    try {
      const res = await fetch(`${server.base}/api/room/auth/session`);
      await res.arrayBuffer();
      return server;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`next start on ${port} did not answer within 60 s:\n${server.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * What every server suite gives `next start`: its database, its origin and node, and the test
 * clients behind a trusted "proxy" on loopback (each request says its own client address) with
 * the per-client budget out of the way. Suites add their own settings after it.
 */
export function serverTestEnv(backendEnv: Record<string, string | undefined>, origin: string, rpcUrl: string): Record<string, string | undefined> {
  return { ...backendEnv, APP_ORIGIN: origin, SERVER_RPC_URL: rpcUrl, TRUSTED_PROXIES: "127.0.0.1", SERVER_RATE_LIMIT_PER_MINUTE: "10000" };
}
