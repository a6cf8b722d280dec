// The stack under test, started the way a user starts it: two Nostr relays, a Hardhat node,
// the deploy and seed scripts `pnpm dev` runs, then the production build of the app served by
// `next start`.
// Everything started here is stopped by stopStack(), which also runs on failure and on signals.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { startIndexer } from "@peerlock/devkit/indexer";
import { startLocalChain } from "@peerlock/devkit/localChain";
import { relayReady, startDevRelay } from "@peerlock/devkit/relay";
import { publishSeedTerms } from "@peerlock/devkit/seedTerms";
import { assertPortFree, httpReady, run, startService, stopAll, tailFile, waitFor, waitForService } from "@peerlock/devkit/processes";
import {
  APP_CHAIN_ID,
  CHAIN_HOST,
  appUrl,
  artifactsDir,
  chainPort,
  indexerPort,
  indexerUrl,
  relayPorts,
  relayUrls,
  rpcUrl,
  webPort,
} from "./config.ts";

const logsDir = join(artifactsDir, "logs");
const indexerPidFile = join(artifactsDir, "indexer.pid");
export type RelayNumber = 1 | 2;
const relayPidFile = (n: RelayNumber) => join(artifactsDir, `relay-${n}.pid`);
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
  NEXT_PUBLIC_RELAYS: relayUrls.join(","),
  SERVER_RELAYS: relayUrls.join(","),
  // `next start` refuses to run without it: sign-in messages must name this origin
  APP_ORIGIN: appUrl,
};

let stopping = false;
let ownsRelayPidFiles = false;
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
  // A relay a journey restarted is the journeys' process's child; the process that started the
  // stack (and so wrote these files this run) stops it too, in case that process died first.
  if (ownsRelayPidFiles) for (const n of [1, 2] as const) killGroupFrom(relayPidFile(n));
}

/** Brings the whole stack up; throws (after stopping what it started) if any step fails. */
export async function startStack(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const step = (what: string) => log(`› [${((Date.now() - started) / 1000).toFixed(1)}s] ${what}`);
  mkdirSync(logsDir, { recursive: true });
  for (const n of [1, 2] as const) rmSync(relayPidFile(n), { force: true });
  ownsRelayPidFiles = true;

  const fix = (envVar: string) => `${envVar}=<port> pnpm --filter @peerlock/e2e test`;
  await assertPortFree(chainPort, CHAIN_HOST, "end-to-end local chain", fix("E2E_CHAIN_PORT"));
  await assertPortFree(webPort, "0.0.0.0", "end-to-end web app", fix("E2E_WEB_PORT"));
  await assertPortFree(indexerPort, "0.0.0.0", "end-to-end indexer", fix("E2E_INDEXER_PORT"));

  for (const n of [1, 2] as const) {
    step(`starting Nostr relay ${n} on ${relayUrls[n - 1]}`);
    await startStackRelay(n, `relay-${n}.log`);
  }

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
  killGroupFrom(indexerPidFile);
}

async function startStackRelay(n: RelayNumber, log: LogName): Promise<ChildProcess> {
  const relay = await startDevRelay({
    port: relayPorts[n - 1],
    host: CHAIN_HOST,
    logFile: logFile(log),
    fix: `${n === 1 ? "E2E_RELAY_PORT" : "E2E_RELAY2_PORT"}=<port> pnpm --filter @peerlock/e2e test`,
    what: `end-to-end Nostr relay ${n}`,
  });
  // The journeys run in another process: they find the relay's process group here.
  writeFileSync(relayPidFile(n), String(relay.process.pid));
  return relay.process;
}

/** Stops relay 1 or 2 (from a journey's process); resolves once it refuses connections. Its events are gone with it. */
export async function stopRelay(n: RelayNumber): Promise<void> {
  killGroupFrom(relayPidFile(n));
  await waitFor(`relay ${n} to stop`, async () => !(await relayReady(relayUrls[n - 1], 500)), 10_000);
}

/** Starts relay 1 or 2 again, empty, on its port (from a journey's process, which then owns it). */
export async function startRelay(n: RelayNumber): Promise<void> {
  const relay = await startStackRelay(n, `relay-${n}-restarted.log`);
  // The journeys' process must still exit when its tests end (a child keeps it alive otherwise);
  // the stack's process stops this relay through its pid file.
  relay.unref();
}

/** SIGTERM to the process group whose leader's pid a file holds, if it still runs. */
function killGroupFrom(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8"));
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    // already gone
  }
}

type LogName = "chain.log" | "web.log" | "indexer.log" | "relay-1.log" | "relay-2.log" | "relay-1-restarted.log" | "relay-2-restarted.log";
const logFile = (name: LogName) => join(logsDir, name);

/** The last lines a service wrote, for a failure message. */
export function tailLog(name: LogName, lines = 40): string {
  return tailFile(logFile(name), lines);
}
