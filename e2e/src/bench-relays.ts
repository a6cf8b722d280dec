// Bench: how fast a signed offer reaches another browser's market, through the relays and through
// the app's server, and what 10,000 relay orders cost that browser.
//   pnpm bench:relays            (starts the e2e stack on the E2E_* ports, like the journeys)
//   BENCH_ORDERS=20 BENCH_FLOOD=10000 E2E_SKIP_WEB_BUILD=1 pnpm bench:relays
//
// Latency: each order is signed in Node (the wallet's signature is not what is measured), then
// the clock starts and the order is either published to the stack's relays (nostr event) or
// POSTed to /api/orders; the clock stops when its row is in the DOM of browser B's open market.
// The server path is bounded by the market's 15 s refresh of the book; the relay path by the
// browser's own checks (signature, then SignedSwap.check in batches).
//
// Memory: relay 1 is loaded with BENCH_FLOOD orders (real signatures of the maker, 1 wei each,
// so they pass SignedSwap.check and all end up shown: the store's worst case), then a fresh page
// opens the market; once the count stops moving, the JS heap (CDP Runtime.getHeapUsage) and the
// main thread's busy time (CDP Performance.getMetrics: TaskDuration) are printed.
import { startStack, stopStack } from "./stack.ts";

await startStack((line) => console.log(line));
try {
  // imported once the deploy has written the SDK's addresses, like the journeys
  const { runRelayBench } = await import("./relayBench.ts");
  await runRelayBench();
} finally {
  stopStack();
}
process.exit(0);
