// `pnpm bench:feed`: what 10,000 signed offers from one relay cost a reader. Starts a relay
// (@peerlock/relay) on BENCH_RELAY_PORT (default 8679), publishes BENCH_ORDERS signed orders
// (default 10,000) as NIP-69 events, then reads them with RelayFeed as the app does: nostr
// check (Schnorr signature, or only the id as the app does), readOrderEvent, then the maker's
// EIP-712 signature. Prints wall time, events per second and the heap the reader holds. The chain check (SignedSwap.check) is left
// out: it is one multicall per batch in the app, and a node's speed, not the reader's.
import { startRelay } from "@peerlock/relay";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { isSignedByMakerKey, type NostrEvent, orderEventTemplate, orderFilter, readOrderEvent, RelayFeed, signOrder } from "@peerlock/sdk";

const count = Number(process.env.BENCH_ORDERS ?? 10_000);
const port = Number(process.env.BENCH_RELAY_PORT ?? 8679);
const venue = { chainId: 31337, verifyingContract: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0" } as const;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const relay = await startRelay({ port, limits: { maxEvents: count + 100, maxTotalBytes: 256 * 1024 * 1024 } });
try {
  console.log(`› signing and publishing ${count} orders to ${relay.url}`);
  const makers = Array.from({ length: 50 }, () => privateKeyToAccount(generatePrivateKey()));
  const nostrKey = generateSecretKey();
  const writer = new RelayFeed([relay.url], { limits: { eventsPerWindow: count * 2 } });
  while (writer.states()[0].status !== "open") await new Promise((r) => setTimeout(r, 20));
  for (let i = 0; i < count; i += 200) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(200, count - i) }, async (_, j) => {
        const maker = makers[(i + j) % makers.length];
        const signed = await signOrder(
          maker,
          {
            maker: maker.address,
            taker: "0x0000000000000000000000000000000000000000",
            sellToken: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
            sellAmount: BigInt(1_000 + i + j),
            buyToken: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
            buyAmount: BigInt(2_000 + i + j),
            expiry: 4_000_000_000n,
            nonce: BigInt(i + j),
            partialFills: true,
          },
          venue,
        );
        return finalizeEvent(orderEventTemplate(signed), nostrKey) as NostrEvent;
      }),
    );
    await Promise.all(batch.map((e) => writer.publish(e)));
  }
  writer.close();
  console.log(`  the relay holds ${relay.stats().events} events, ${mib(relay.stats().bytes)}`);

  const rows: string[] = [];
  // Each pass's orders stay referenced here, so one pass's garbage cannot hide in the next's figure.
  const kept: unknown[] = [];
  for (const verify of ["signature", "id"] as const) {
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const reader = new RelayFeed([relay.url], { verify, limits: { eventsPerWindow: count * 2 } });
    const orders = new Map<string, Extract<ReturnType<typeof readOrderEvent>, { ok: true }>>();
    let received = 0;
    await new Promise<void>((resolve) => {
      reader.subscribe([orderFilter()], {
        onevent: (event) => {
          received += 1;
          const read = readOrderEvent(event);
          if (read.ok) orders.set(read.hash, read);
          if (received === count) resolve();
        },
      });
    });
    const receiveS = (performance.now() - started) / 1000;
    gc();
    const heap = process.memoryUsage().heapUsed - heapBefore;
    kept.push(orders, reader);
    reader.close();
    rows.push(`| received and read, nostr check "${verify}" | ${receiveS.toFixed(1)} s (${Math.round(count / receiveS)} events/s) | ${mib(heap)} |`);
    if (verify === "id") {
      const t = performance.now();
      let valid = 0;
      for (const read of orders.values()) if (await isSignedByMakerKey(read.signed)) valid += 1;
      const s = (performance.now() - t) / 1000;
      rows.push(`| then every maker's EIP-712 signature (${valid} valid) | ${s.toFixed(1)} s (${Math.round(count / s)} orders/s) | |`);
    }
  }
  console.log(`(kept ${kept.length / 2} passes for the heap figures)`);
  console.log(`\n| ${count} orders from one relay | time | heap held by the reader |`);
  console.log("|---|---|---|");
  for (const row of rows) console.log(row);
} finally {
  await relay.close();
}
