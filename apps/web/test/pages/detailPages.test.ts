// An offer page and a deal page cost the same number of JSON-RPC requests whatever the size
// of the book: each page's chain loaders (the trade by id, its history by id, one read per
// unknown token) run against a real Hardhat node through the app's transport (batching on)
// with a counter, at 1,000 offers and deals and again at 10,000.
import type { ChildProcess } from "node:child_process";
import type { Deployment } from "@peerlock/sdk";
import { type Client, createClient, http } from "viem";
import { afterAll, beforeAll, expect, it } from "vitest";
import { appTransportOptions } from "@/config/transport";
import { readDealPage } from "@/features/deals/pageReads";
import { readOfferPage } from "@/features/offers/pageReads";
import { chain, dealCount, deployBook, offerCount, rpcUrl, seedDeals, seedOffers, startNode, stopNode } from "./chain";

let node: ChildProcess | undefined;
let book: Awaited<ReturnType<typeof deployBook>>;
let deployment: Deployment;

beforeAll(async () => {
  node = await startNode();
  book = await deployBook();
  deployment = {
    swapEscrow: { address: book.swapEscrow, deployedOnBlock: book.deployedOnBlock },
    dealEscrow: { address: book.dealEscrow, deployedOnBlock: book.deployedOnBlock },
  } as Deployment;
});

afterAll(() => stopNode(node));

/** Runs a page's loaders (empty token cache) through a counting client: HTTP requests and JSON-RPC calls. */
async function pageCost<T>(load: (client: Client) => Promise<T>) {
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
  const page = await load(createClient({ chain, transport }));
  return { httpRequests, rpcCalls, page };
}

const offerPage = (id: bigint) => pageCost((client) => readOfferPage(client, deployment, id, {}));
const dealPage = (id: bigint) => pageCost((client) => readDealPage(client, deployment, id, {}));

it("reads the same number of requests for an offer page at 1,000 and at 10,000 offers", async () => {
  await seedOffers(book.swapEscrow, book.buyToken, 999);
  expect(await offerCount(book.swapEscrow)).toBe(1_000n);
  const small = await offerPage(1n);
  const newestSmall = await offerPage(1_000n);
  expect(small.page.offer?.sellToken.toLowerCase()).toBe(book.sellToken.toLowerCase());
  expect(small.page.history.map((e) => e.eventName)).toEqual(["OfferCreated"]);
  expect(small.page.tokens.map((t) => t.symbol).sort()).toEqual(["tPBY", "tPSL"]);

  await seedOffers(book.swapEscrow, book.buyToken, 9_000);
  expect(await offerCount(book.swapEscrow)).toBe(10_000n);
  const large = await offerPage(1n);
  const newestLarge = await offerPage(10_000n);

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

it("reads the same number of requests for a deal page at 1,000 and at 10,000 deals", async () => {
  await seedDeals(book.dealEscrow, 999);
  expect(await dealCount(book.dealEscrow)).toBe(1_000n);
  const small = await dealPage(1n);
  expect(small.page.deal?.token.toLowerCase()).toBe(book.sellToken.toLowerCase());
  expect(small.page.history.map((e) => e.eventName)).toEqual(["DealOpened"]);
  expect(small.page.tokens.map((t) => t.symbol)).toEqual(["tPSL"]);

  await seedDeals(book.dealEscrow, 9_000);
  expect(await dealCount(book.dealEscrow)).toBe(10_000n);
  const large = await dealPage(1n);

  console.log(
    `deal page, chain reads: #1 at 1,000 deals ${small.rpcCalls} JSON-RPC calls in ${small.httpRequests} HTTP requests; ` +
      `at 10,000 ${large.rpcCalls} in ${large.httpRequests}`,
  );
  expect(large.rpcCalls).toBe(small.rpcCalls);
  expect(large.httpRequests).toBe(small.httpRequests);
  expect(large.page.deal).toEqual(small.page.deal);
  expect(large.rpcCalls).toBeLessThanOrEqual(5);
});
