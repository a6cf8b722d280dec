// The stack under test, started the way a user starts it: a Hardhat node, the deploy and seed
// scripts `pnpm dev` runs, then the production build of the app served by `next start`.
// Everything started here is stopped by stopStack(), which also runs on failure and on signals.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { startIndexer } from "@peerlock/devkit/indexer";
import { startLocalChain } from "@peerlock/devkit/localChain";
import { publishSeedTerms } from "@peerlock/devkit/seedTerms";
import { assertPortFree, httpReady, run, startService, stopAll, tailFile, waitForService } from "@peerlock/devkit/processes";
import { APP_CHAIN_ID, CHAIN_HOST, appUrl, artifactsDir, chainPort, indexerPort, indexerUrl, rpcUrl, webPort } from "./config.ts";

const logsDir = join(artifactsDir, "logs");
const indexerPidFile = join(artifactsDir, "indexer.pid");
// Its own build folder, so a `next build` or `pnpm dev` in the same checkout cannot clobber the
// build being served (apps/web/next.config.ts reads NEXT_DIST_DIR).
const WEB_DIST_DIR = ".next-e2e";
// The deal room's PGlite folder: fresh for every run (PGlite allows one process per folder).
const ROOM_DATA_DIR = join(artifactsDir, "room-db");
const webEnv = {
  NEXT_PUBLIC_CHAIN_ID: String(APP_CHAIN_ID),
  NEXT_PUBLIC_RPC_URL: rpcUrl,
  NEXT_PUBLIC_INDEXER_URL: indexerUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: WEB_DIST_DIR,
  SERVER_DATA_DIR: ROOM_DATA_DIR,
  // `next start` refuses to run without it: sign-in messages must name this origin
  APP_ORIGIN: appUrl,
};

let stopping = false;
let indexer: ChildProcess | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    stopStack();
    process.exit(130);
  });
}
process.once("exit", () => stopStack());

export function stopStack(): void {
  if (stopping) return;
  stopping = true;
  stopAll();
}

/** Brings the whole stack up; throws (after stopping what it started) if any step fails. */
export async function startStack(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const step = (what: string) => log(`› [${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
  mkdirSync(logsDir, { recursive: true });

  const fix = (envVar: string) => `${envVar}=<port> pnpm --filter @peerlock/e2e test`;
  await assertPortFree(chainPort, CHAIN_HOST, "end-to-end local chain", fix("E2E_CHAIN_PORT"));
  await assertPortFree(webPort, "0.0.0.0", "end-to-end web app", fix("E2E_WEB_PORT"));
  await assertPortFree(indexerPort, "0.0.0.0", "end-to-end indexer", fix("E2E_INDEXER_PORT"));

  step("compiling contracts (cached when unchanged)");
  await run("pnpm", ["--filter", "@peerlock/contracts", "build"]);
  // The node logs every RPC call: that goes to artifacts/logs, not the test output.
  const seedTermsFile = join(logsDir, "seed-terms.json");
  rmSync(seedTermsFile, { force: true });
  await startLocalChain({ host: CHAIN_HOST, port: chainPort, logFile: logFile("chain.log"), appUrl, step, seedTermsFile });
  step(`starting the indexer on ${indexerUrl} and waiting until it has caught up`);
  indexer = await startIndexer({ rpcUrl, port: indexerPort, logFile: logFile("indexer.log") });
  // The journeys run in another process: they find the indexer's process group here.
  writeFileSync(indexerPidFile, String(indexer.pid));

  if (process.env.E2E_SKIP_WEB_BUILD === "1") {
    step(`E2E_SKIP_WEB_BUILD=1: reusing the existing apps/web/${WEB_DIST_DIR} build`);
  } else {
    step("building the web app (next build)");
    await run("pnpm", ["--filter", "web", "exec", "next", "build"], webEnv);
  }

  rmSync(ROOM_DATA_DIR, { recursive: true, force: true });
  step(`serving the production build on ${appUrl}`);
  const web = startService("pnpm", ["--filter", "web", "exec", "next", "start", "--port", String(webPort)], webEnv, undefined, logFile("web.log"));
  await waitForService(web, `the web app at ${appUrl}`, () => httpReady(appUrl), { timeoutMs: 90_000, logFile: logFile("web.log") });
  step("publishing the demo deals' terms to the deal room");
  await publishSeedTerms(appUrl, seedTermsFile);
  step("stack is up");
}

/** Stops the indexer (from a journey's process) to check the app without it: trading must not need it. */
export function stopIndexer(): void {
  const pid = Number(readFileSync(indexerPidFile, "utf8"));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
}

type LogName = "chain.log" | "web.log" | "indexer.log";
const logFile = (name: LogName) => join(logsDir, name);

/** The last lines a service wrote, for a failure message. */
export function tailLog(name: LogName, lines = 40): string {
  return tailFile(logFile(name), lines);
}
