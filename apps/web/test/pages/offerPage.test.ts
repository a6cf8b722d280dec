// An offer page costs the same number of JSON-RPC requests whatever the size of the book: the
// page's chain loaders (the offer by id, its history by id, one read per unknown token) run
// against a real Hardhat node through the app's transport (batching on) with a counter, at
// 1,000 offers and again at 10,000.
import type { ChildProcess } from "node:child_process";
import type { Deployment } from "@peerlock/sdk";
import { createClient, http } from "viem";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appTransportOptions } from "@/config/transport";
import { readOfferPage } from "@/features/offers/pageReads";
import { chain, deployBook, offerCount, rpcUrl, seedOffers, startNode, stopNode } from "./chain";

let node: ChildProcess | undefined;
let book: Awaited<ReturnType<typeof deployBook>>;

beforeAll(async () => {
  node = await startNode();
  book = await deployBook();
});

afterAll(() => stopNode(node));

/** Loads the offer page of `id` with an empty token cache; returns its HTTP and JSON-RPC request counts. */
async function pageCost(id: bigint) {
  let httpRequests = 0;
  let rpcCalls = 0;
  const transport = http(rpcUrl, {
    ...appTransportOptions,
    onFetchRequest: async (request) => {
      httpRequests++;
      const body = (await request.clone().json()) as unknown;
      rpcCalls += Array.isArray(body) ? body.length : 1;
    },
  });
  const client = createClient({ chain, transport });
  const deployment = { swapEscrow: { address: book.swapEscrow, deployedOnBlock: book.deployedOnBlock } } as Deployment;
  const page = await readOfferPage(client, deployment, id, {});
  return { httpRequests, rpcCalls, page };
}

it("reads the same number of requests for an offer page at 1,000 and at 10,000 offers", async () => {
  await seedOffers(book.swapEscrow, book.buyToken, 999);
  expect(await offerCount(book.swapEscrow)).toBe(1_000n);
  const small = await pageCost(1n);
  const newestSmall = await pageCost(1_000n);
  expect(small.page.offer?.sellToken.toLowerCase()).toBe(book.sellToken.toLowerCase());
  expect(small.page.history.map((e) => e.eventName)).toEqual(["OfferCreated"]);
  expect(small.page.tokens.map((t) => t.symbol).sort()).toEqual(["tPBY", "tPSL"]);

  await seedOffers(book.swapEscrow, book.buyToken, 9_000);
  expect(await offerCount(book.swapEscrow)).toBe(10_000n);
  const large = await pageCost(1n);
  const newestLarge = await pageCost(10_000n);

  console.log(
    `offer page, chain reads: #1 at 1,000 offers ${small.rpcCalls} JSON-RPC calls in ${small.httpRequests} HTTP requests; ` +
      `at 10,000 ${large.rpcCalls} in ${large.httpRequests}; the newest offer ${newestSmall.rpcCalls} / ${newestLarge.rpcCalls} calls`,
  );
  expect(large.rpcCalls).toBe(small.rpcCalls);
  expect(large.httpRequests).toBe(small.httpRequests);
  expect(newestLarge.rpcCalls).toBe(newestSmall.rpcCalls);
  expect(large.page.offer).toEqual(small.page.offer);
  // A handful, not a scan: the offer, its logs (plus a block time), two tokens.
  expect(large.rpcCalls).toBeLessThanOrEqual(6);
});
