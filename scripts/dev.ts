// `pnpm dev`: one command for a local Peerlock. Starts a Hardhat node, deploys with Ignition,
// writes the addresses into @peerlock/sdk, seeds demo trades, starts the indexer (waiting
// until it has caught up with the chain) and an embedded Nostr relay, and serves the app.
// Ports: CHAIN_PORT (default 8545), INDEXER_PORT (default 42069), RELAY_PORT (default 7447)
// and WEB_PORT (default 3000). NEXT_PUBLIC_RELAYS defaults to the embedded relay.
// Ctrl-C stops everything.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { indexerUrl, startIndexer } from "@peerlock/devkit/indexer";
import { startLocalChain } from "@peerlock/devkit/localChain";
import { startDevRelay } from "@peerlock/devkit/relay";
import { postSeedOrders } from "@peerlock/devkit/seedOrders";
import { publishSeedTerms } from "@peerlock/devkit/seedTerms";
import { assertPortFree, httpReady, run, startService, stopAll, waitForService } from "@peerlock/devkit/processes";

const CHAIN_HOST = "127.0.0.1";
const chainPort = Number(process.env.CHAIN_PORT ?? 8545);
const webPort = Number(process.env.WEB_PORT ?? 3000);
const indexerPort = Number(process.env.INDEXER_PORT ?? 42069);
const relayPort = Number(process.env.RELAY_PORT ?? 7447);
const relayHost = process.env.RELAY_HOST || "127.0.0.1";
// What the browser and the app's server use; a user-set list replaces the embedded relay there.
const relayBrowserHost = ["127.0.0.1", "0.0.0.0", "::", "::1"].includes(relayHost) ? "localhost" : relayHost;
const publicRelays = process.env.NEXT_PUBLIC_RELAYS || `ws://${relayBrowserHost}:${relayPort}`;
const serverRelays = process.env.SERVER_RELAYS || publicRelays;
const appUrl = `http://localhost:${webPort}`;
const logDir = join(import.meta.dirname, "..", ".dev");
const step = (what: string) => console.log(`› ${what}…`);

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => {
    console.log("\nStopping the app and the local chain…");
    stopAll();
    process.exit(0);
  });
}
process.on("exit", stopAll);

try {
  await assertPortFree(chainPort, CHAIN_HOST, "local chain", "CHAIN_PORT=<port> pnpm dev");
  await assertPortFree(webPort, "0.0.0.0", "web app", "WEB_PORT=<port> pnpm dev");
  await assertPortFree(indexerPort, "0.0.0.0", "indexer", "INDEXER_PORT=<port> pnpm dev");
  mkdirSync(logDir, { recursive: true });

  // in-memory, so it starts empty like the chain
  step(`starting the embedded Nostr relay on ws://${relayHost}:${relayPort}`);
  const relay = await startDevRelay({ port: relayPort, host: relayHost, logFile: join(logDir, "relay.log"), fix: "RELAY_PORT=<port> pnpm dev" });
  relay.process.on("exit", (code) => {
    console.error(`\n! The Nostr relay stopped (exit ${code}); see .dev/relay.log. Offers and deal rooms fall back to the app's server.`);
  });

  step("compiling contracts and building the SDK");
  await run("pnpm", ["turbo", "run", "build", "--filter=@peerlock/sdk", "--output-logs=errors-only"]);

  const seedOrdersFile = join(logDir, "seed-orders.json");
  const seedTermsFile = join(logDir, "seed-terms.json");
  const chain = await startLocalChain({
    host: CHAIN_HOST,
    port: chainPort,
    logFile: join(logDir, "chain.log"),
    appUrl,
    step,
    seedOrdersFile,
    seedTermsFile,
  });
  chain.node.on("exit", (code) => {
    console.error(`\n✖ The Hardhat node stopped (exit ${code}); see .dev/chain.log`);
    stopAll();
    process.exit(1);
  });

  step(`starting the indexer on ${indexerUrl(indexerPort)} and waiting until it has caught up`);
  const indexer = await startIndexer({ rpcUrl: chain.rpcUrl, port: indexerPort, logFile: join(logDir, "indexer.log") });
  indexer.on("exit", (code) => {
    // The app keeps working from the chain without it (and says so); only report it.
    console.error(`\n! The indexer stopped (exit ${code}); see .dev/indexer.log. The app falls back to chain reads.`);
  });

  // The chain starts empty every time, so the deal room starts empty too (its own PGlite folder).
  const roomDataDir = join(logDir, "room-db");
  rmSync(roomDataDir, { recursive: true, force: true });
  step(`starting the web app on ${appUrl}`);
  const web = startService("pnpm", ["--filter", "web", "exec", "next", "dev", "--port", String(webPort)], {
    NEXT_PUBLIC_CHAIN_ID: "31337",
    NEXT_PUBLIC_RPC_URL: chain.rpcUrl,
    NEXT_PUBLIC_INDEXER_URL: `http://localhost:${indexerPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    SERVER_DATA_DIR: roomDataDir,
    NEXT_PUBLIC_RELAYS: publicRelays,
    SERVER_RELAYS: serverRelays,
    // sign-in messages must name this origin (the server never takes it from request headers)
    APP_ORIGIN: appUrl,
  });
  await waitForService(web, `the web app at ${appUrl}`, () => httpReady(appUrl), { timeoutMs: 180_000 });
  step("publishing the demo deals' terms to the deal room");
  await publishSeedTerms(appUrl, seedTermsFile);
  step("posting the seeded signed offers to the order book");
  // a refusal is reported, not fatal: the offers still work from their share links
  console.log(
    `  ${await postSeedOrders(appUrl, seedOrdersFile).catch((e: unknown) => `Could not post the seeded signed offers: ${e instanceof Error ? e.message : e}`)}`,
  );

  console.log(`\n${chain.seedSummary.trim()}\n`);
  console.log(`  Peerlock is running: ${appUrl}`);
  console.log("  No wallet extension needed: click Connect wallet → Dev wallet (local chain), pick a dev account");
  console.log("  (or a fresh one, funded on the spot); transactions are signed in the page. Get test tokens on the market.");
  console.log(`  Your own wallet: add ${chain.rpcUrl} (chain id 31337), import a dev account's key from above, and trade.`);
  console.log(`  Indexer API: http://localhost:${indexerPort}/api/status`);
  console.log(`  Nostr relays: ${publicRelays} (embedded relay: ${relay.url})`);
  console.log("  Ctrl-C stops everything.\n");
} catch (error) {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  stopAll();
  process.exit(1);
}
