// `pnpm dev`: one command for a local Peerlock. Starts a Hardhat node, deploys with Ignition,
// writes the addresses into @peerlock/sdk, seeds demo trades and serves the app.
// Ports: CHAIN_PORT (default 8545) and WEB_PORT (default 3000). Ctrl-C stops everything.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { assertPortFree, httpReady, rpcReady, run, runCaptured, startService, stopAll, waitFor } from "./lib/processes.ts";

const CHAIN_HOST = "127.0.0.1";
const chainPort = Number(process.env.CHAIN_PORT ?? 8545);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const rpcUrl = `http://${CHAIN_HOST}:${chainPort}`;
const appUrl = `http://localhost:${webPort}`;
const logDir = join(import.meta.dirname, "..", ".dev");
const chainLog = join(logDir, "chain.log");
const chainEnv = { PEERLOCK_RPC_URL: rpcUrl, PEERLOCK_APP_URL: appUrl };
const contracts = (...args: string[]) => ["--filter", "@peerlock/contracts", "exec", "hardhat", ...args];

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log("\nStopping the app and the local chain…");
    stopAll();
    process.exit(0);
  });
}
process.on("exit", stopAll);

try {
  await assertPortFree(chainPort, CHAIN_HOST, "local chain", "CHAIN_PORT");
  await assertPortFree(webPort, "0.0.0.0", "web app", "WEB_PORT");
  mkdirSync(logDir, { recursive: true });

  console.log("› Compiling contracts and building the SDK…");
  await run("pnpm", ["turbo", "run", "build", "--filter=@peerlock/sdk", "--output-logs=errors-only"]);

  console.log(`› Starting a Hardhat node on ${rpcUrl} (log: .dev/chain.log)…`);
  const chain = startService("pnpm", contracts("node", "--hostname", CHAIN_HOST, "--port", String(chainPort)), {}, undefined, chainLog);
  chain.on("exit", (code) => {
    console.error(`\n✖ The Hardhat node stopped (exit ${code}); see .dev/chain.log`);
    stopAll();
    process.exit(1);
  });
  await waitFor(`the Hardhat node at ${rpcUrl}`, () => rpcReady(rpcUrl));

  console.log("› Deploying with Hardhat Ignition…");
  await run("pnpm", contracts("run", "--no-compile", "scripts/deploy.ts", "--network", "localhost"), chainEnv);
  await run("pnpm", ["--filter", "@peerlock/sdk", "build"]);

  console.log("› Seeding demo tokens, offers and deals…");
  const seedSummary = await runCaptured("pnpm", ["--silent", ...contracts("run", "--no-compile", "scripts/seed.ts", "--network", "localhost")], chainEnv);

  console.log(`› Starting the web app on ${appUrl}…`);
  startService("pnpm", ["--filter", "web", "exec", "next", "dev", "--port", String(webPort)], {
    NEXT_PUBLIC_CHAIN_ID: "31337",
    NEXT_PUBLIC_RPC_URL: rpcUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitFor(`the web app at ${appUrl}`, () => httpReady(appUrl), 180_000);

  console.log(`\n${seedSummary.trim()}\n`);
  console.log(`  Peerlock is running: ${appUrl}`);
  console.log(`  Local chain: ${rpcUrl} (chain id 31337). Add it to your wallet, import a dev account above, and trade.`);
  console.log("  Ctrl-C stops everything.\n");
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
}
