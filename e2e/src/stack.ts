// The stack under test, started the way a user starts it: a Hardhat node, the deploy and seed
// scripts `pnpm dev` runs, then the production build of the app served by `next start`.
// Everything started here is stopped by stopStack(), which also runs on failure and on signals.
import type { ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { assertPortFree, httpReady, rpcReady, run, startService, stopAll, waitFor } from "../../scripts/lib/processes.ts";
import { APP_CHAIN_ID, CHAIN_HOST, appUrl, artifactsDir, chainPort, rpcUrl, webPort } from "./config.ts";

const logsDir = join(artifactsDir, "logs");
const chainEnv = { PEERLOCK_RPC_URL: rpcUrl };
// Its own build folder, so a `next build` or `pnpm dev` in the same checkout cannot clobber the
// build being served (apps/web/next.config.ts reads NEXT_DIST_DIR).
const WEB_DIST_DIR = ".next-e2e";
const webEnv = {
  NEXT_PUBLIC_CHAIN_ID: String(APP_CHAIN_ID),
  NEXT_PUBLIC_RPC_URL: rpcUrl,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXT_DIST_DIR: WEB_DIST_DIR,
};

let stopping = false;
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

  await portFree(chainPort, CHAIN_HOST, "local chain", "E2E_CHAIN_PORT");
  await portFree(webPort, "0.0.0.0", "web app", "E2E_WEB_PORT");

  step("compiling contracts (cached when unchanged)");
  await run("pnpm", ["--filter", "@peerlock/contracts", "build"]);

  step(`starting a Hardhat node on ${rpcUrl}`);
  // The node logs every RPC call: that goes to artifacts/logs, not the test output.
  const chain = startService(
    "pnpm",
    ["--filter", "@peerlock/contracts", "exec", "hardhat", "node", "--hostname", CHAIN_HOST, "--port", String(chainPort)],
    {},
    undefined,
    join(logsDir, "chain.log"),
  );
  await Promise.race([waitFor(`the Hardhat node at ${rpcUrl}`, () => rpcReady(rpcUrl)), failOnExit(chain, "The Hardhat node", "chain.log")]);

  step("deploying with Hardhat Ignition");
  await run("pnpm", ["--filter", "@peerlock/contracts", "exec", "hardhat", "run", "--no-compile", "scripts/deploy.ts", "--network", "localhost"], chainEnv);
  await run("pnpm", ["--filter", "@peerlock/sdk", "build"]);

  step("seeding demo tokens, offers and deals");
  await run("pnpm", ["--filter", "@peerlock/contracts", "exec", "hardhat", "run", "--no-compile", "scripts/seed.ts", "--network", "localhost"], chainEnv);

  if (process.env.E2E_SKIP_WEB_BUILD === "1") {
    step(`E2E_SKIP_WEB_BUILD=1: reusing the existing apps/web/${WEB_DIST_DIR} build`);
  } else {
    step("building the web app (next build)");
    await run("pnpm", ["--filter", "web", "exec", "next", "build"], webEnv);
  }

  step(`serving the production build on ${appUrl}`);
  const web = startService("pnpm", ["--filter", "web", "exec", "next", "start", "--port", String(webPort)], webEnv, undefined, join(logsDir, "web.log"));
  await Promise.race([waitFor(`the web app at ${appUrl}`, () => httpReady(appUrl), 90_000), failOnExit(web, "next start", "web.log")]);
  step("stack is up");
}

/** The last lines a service wrote, for a failure message. */
export function tailLog(name: "chain.log" | "web.log", lines = 40): string {
  try {
    return readFileSync(join(logsDir, name), "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

async function portFree(port: number, host: string, what: string, envVar: string): Promise<void> {
  try {
    await assertPortFree(port, host, what, envVar);
  } catch {
    throw new Error(
      `Port ${port} on ${host} is already in use, so the end-to-end ${what} cannot start. ` +
        `Stop whatever uses it, or pick another port: ${envVar}=<port> pnpm --filter @peerlock/e2e test`,
    );
  }
}

/** Rejects as soon as a service dies while we wait for it, with the end of its log. */
function failOnExit(child: ChildProcess, what: string, log: "chain.log" | "web.log"): Promise<never> {
  return new Promise((_, reject) => {
    child.once("exit", (code) => reject(new Error(`${what} exited (code ${code}) before it was ready:\n${tailLog(log, 15)}`)));
  });
}
