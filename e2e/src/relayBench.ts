// The body of `pnpm bench:relays` (bench-relays.ts starts the stack first).
import {
  encodeSignedOrder,
  hashOrder,
  nextUnusedNonce,
  orderEventTemplate,
  RelayFeed,
  type SignedOrder,
  type SignedOrderWithSignature,
  signOrder,
} from "@peerlock/sdk";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import type { Page } from "playwright-core";
import { parseUnits, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { freshPage, openSession } from "./browser.ts";
import { deployment, publicClient, token } from "./chain.ts";
import { APP_CHAIN_ID, appUrl, ROLES, relayUrls } from "./config.ts";

const N = Number(process.env.BENCH_ORDERS ?? 20);
const FLOOD = Number(process.env.BENCH_FLOOD ?? 10_000);
const makerKey = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });
const log = (s: string) => console.log(s);

/** Runs against a started stack (see bench-relays.ts): imported after the deploy wrote its addresses. */
export async function runRelayBench(): Promise<void> {
  const signedSwap = deployment().signedSwap.address;
  const venue = { chainId: APP_CHAIN_ID, verifyingContract: signedSwap };
  const weth = token("tWETH");
  const usd = token("tUSD");
  let nonce = (await nextUnusedNonce(publicClient, signedSwap, ROLES.maker)) + 50_000n;
  const orderOf = (sellAmount: bigint, buyAmount: bigint): SignedOrder => ({
    maker: ROLES.maker,
    taker: zeroAddress,
    sellToken: weth.address,
    sellAmount,
    buyToken: usd.address,
    buyAmount,
    expiry: 0n,
    nonce: nonce++,
    partialFills: true,
  });
  const relayKey = generateSecretKey();
  const feed = new RelayFeed(relayUrls);
  await new Promise((r) => setTimeout(r, 1_000));

  const b = await openSession();
  await b.wallet.use("taker");
  const market = await freshPage(b);
  await market.goto("/");
  await market.getByRole("heading", { name: /Signed offers/ }).waitFor();

  const visible = (page: Page, signed: SignedOrderWithSignature) =>
    page.getByTestId(`signed-row-${hashOrder(signed.order, signed).toLowerCase()}`).waitFor({ state: "attached", timeout: 60_000 });

  /** Signs an order, hands it to `path`, and times it until its row is in `page`. */
  async function latency(page: Page, path: "relays" | "server", firstPrice: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < N; i++) {
      const signed = await signOrder(makerKey, orderOf(parseUnits("0.01", weth.decimals), parseUnits(String(firstPrice + i), usd.decimals)), venue);
      const started = performance.now();
      if (path === "relays") {
        const results = await feed.publish(finalizeEvent(orderEventTemplate(signed), relayKey) as never);
        if (!results.some((r) => r.ok)) throw new Error(`no relay took the order: ${JSON.stringify(results)}`);
      } else {
        const body = JSON.stringify(encodeSignedOrder(signed));
        const res = await fetch(`${appUrl}/api/orders`, { method: "POST", headers: { "content-type": "application/json" }, body });
        if (res.status !== 201) throw new Error(`the book refused the order: ${res.status} ${await res.text()}`);
      }
      await visible(page, signed);
      times.push(performance.now() - started);
    }
    return times;
  }

  // Through the relays, with B's order-book API cut off (only the relays can bring an order).
  await b.context.route("**/api/orders**", (r) => r.abort());
  await market.reload();
  const viaRelays = await latency(market, "relays", 20);
  await b.context.unroute("**/api/orders**");
  // Through the server, in a page whose relay sockets cannot open (only the book can bring one).
  const bookOnly = await freshPage(b);
  await bookOnly.addInitScript(() => {
    (window as unknown as { WebSocket: unknown }).WebSocket = class {
      constructor() {
        throw new Error("relays are off for this measurement");
      }
    };
  });
  await bookOnly.goto("/");
  await bookOnly.getByRole("heading", { name: /Signed offers/ }).waitFor();
  const viaServer = await latency(bookOnly, "server", 60);

  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  log(`\nsigned -> visible in browser B, ${N} orders each`);
  log(`  through the relays   p50 ${pct(viaRelays, 50).toFixed(0)} ms, p99 ${pct(viaRelays, 99).toFixed(0)} ms`);
  log(
    `  through the server   p50 ${pct(viaServer, 50).toFixed(0)} ms, p99 ${pct(viaServer, 99).toFixed(0)} ms (the market refreshes the book every 15 s)`,
  );

  // Memory and CPU with FLOOD orders on relay 1.
  log(`\nsigning and publishing ${FLOOD} orders to ${relayUrls[0]} …`);
  const flood = new RelayFeed([relayUrls[0]!]);
  await new Promise((r) => setTimeout(r, 1_000));
  for (let i = 0; i < FLOOD; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, FLOOD - i) }, async () =>
        finalizeEvent(orderEventTemplate(await signOrder(makerKey, orderOf(1n, 1n), venue)), relayKey),
      ),
    );
    await Promise.all(batch.map((e) => flood.publish(e as never)));
  }
  flood.close();
  feed.close();
  const page = await freshPage(b);
  const cdp = await b.context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const started = performance.now();
  await page.goto("/");
  let count = -1;
  let stableSince = performance.now();
  while (performance.now() - stableSince < 15_000 && performance.now() - started < 600_000) {
    await new Promise((r) => setTimeout(r, 1_000));
    const text = (await page.getByRole("heading", { name: /Signed offers/ }).textContent()) ?? "";
    const now = Number(/\((\d+)/.exec(text)?.[1] ?? 0);
    if (now !== count) {
      count = now;
      stableSince = performance.now();
    }
  }
  const heap = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number; totalSize: number };
  const metrics = (await cdp.send("Performance.getMetrics")) as { metrics: { name: string; value: number }[] };
  const metric = (name: string) => metrics.metrics.find((m) => m.name === name)?.value ?? 0;
  log(`\nbrowser B with ${FLOOD} orders on a relay: ${count} shown after ${((stableSince - started) / 1000).toFixed(1)} s`);
  log(`  JS heap used ${(heap.usedSize / 1024 / 1024).toFixed(1)} MiB (of ${(heap.totalSize / 1024 / 1024).toFixed(1)} MiB allocated)`);
  log(`  main thread busy ${metric("TaskDuration").toFixed(1)} s, of which script ${metric("ScriptDuration").toFixed(1)} s`);
  await b.close();
}
