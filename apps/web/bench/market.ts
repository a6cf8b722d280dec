// Market loading benchmark: seeds the local book to 1,000 open offers, then times the function
// the market page uses (loadMarket) and counts what it sends to the node. The First Load JS
// check is bench/bundle.ts.
//   pnpm --filter web bench                 (node at NEXT_PUBLIC_RPC_URL, default 127.0.0.1:8545)
//   BENCH_OFFERS=5000 BENCH_RUNS=10 pnpm --filter web bench
import { getDeployment } from "@peerlock/sdk";
import { createClient, http } from "viem";
import { getChainId } from "viem/actions";
import { buildChain } from "@/config/chain";
import { appClientBatch, appTransportOptions } from "@/config/transport";
import { knownTokens } from "@/config/deployment";
import { loadMarket } from "@/features/marketData/loadMarket";
import { tokenMapOf } from "@/features/tokens/registry";
import { countingHttp, newCount, type WireCount } from "./counting";
import { seedOpenOffers } from "./seed";

const rpcUrl = process.env.BENCH_RPC_URL || process.env.NEXT_PUBLIC_RPC_URL || "http://127.0.0.1:8545";
const target = Number(process.env.BENCH_OFFERS ?? 1_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const log = (s: string) => console.log(s);

const chainId = await getChainId(createClient({ transport: http(rpcUrl) }));
const deployment = getDeployment(chainId);
if (!deployment) throw new Error(`@peerlock/sdk has no deployment for chain ${chainId}: deploy and rebuild the SDK first`);
const chain = buildChain(chainId, rpcUrl);
log(`node ${rpcUrl}, chain ${chainId}, SwapEscrow ${deployment.swapEscrow.address}`);

await seedOpenOffers(createClient({ chain, transport: http(rpcUrl, { batch: { batchSize: 100 } }) }), deployment, target, log);

/** One cold load (fresh client, nothing cached): the app's client settings, optionally without JSON-RPC batching. */
async function measure(batch: boolean): Promise<{ ms: number; count: WireCount; offers: number; deals: number; tokens: number }> {
  const count = newCount();
  const transport = countingHttp(rpcUrl, count, { ...appTransportOptions, batch: batch && appTransportOptions.batch });
  const client = createClient({ chain, batch: appClientBatch, transport });
  const started = performance.now();
  const market = await loadMarket(client, deployment!, tokenMapOf(knownTokens));
  const ms = performance.now() - started;
  return { ms, count, offers: market.offers.length, deals: market.deals.length, tokens: Object.keys(market.tokens).length };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

for (const batch of [true, false]) {
  await measure(batch); // warm-up: JIT and the node's caches
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(batch));
  const first = results[0]!;
  const times = results.map((r) => r.ms);
  log(
    `\nloadMarket, ${batch ? "app transport (JSON-RPC batching on)" : "batching off"}: ${first.offers} offers, ${first.deals} deals, ${first.tokens} tokens`,
  );
  log(
    `  time      median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${runs} runs`,
  );
  log(`  HTTP requests ${first.count.httpRequests}, JSON-RPC calls ${first.count.rpcCalls}: ${JSON.stringify(first.count.methods)}`);
}
