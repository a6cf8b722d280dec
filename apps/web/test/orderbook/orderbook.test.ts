// The order book's API on the production build (`next start`), a real Hardhat node (real
// SignedSwap fills, cancels and invalidations) and a real database: PGlite in a fresh folder, then
// PostgreSQL when TEST_DATABASE_URL is set (where the test also reads the database itself).
import { decodeOrderLink, describeSignedSwapError, encodeSignedOrder, type SignedOrder, type SignedOrderWithSignature } from "@peerlock/sdk";
import { count } from "drizzle-orm";
import { type Address, getAddress, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { orderbookSync, signedOrders } from "@/server/orderbook/schema";
import { syncOrderBook } from "@/server/orderbook/sync";
import { accounts, publicClient, rpcUrl, walletOwner } from "../shared/chain";
import { type Backend, backendNames, createBackend } from "../shared/backends";
import { type NextServer, serverTestEnv, startNext } from "../shared/nextServer";
import {
  approve,
  balanceOf,
  cancelNonces,
  fillOrder,
  invalidateNonces,
  maker,
  makeOrder,
  mint,
  orderHashOf,
  otherMaker,
  poorMaker,
  sign,
  taker,
  transfer,
  units,
  walletApprove,
} from "./chain";

declare module "vitest" {
  export interface ProvidedContext {
    signedSwap: Address;
    sellToken: Address;
    buyToken: Address;
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
type Reply = { status: number; body: any };

if (backendNames.length === 1) console.log("TEST_DATABASE_URL is not set: the order book suite runs on PGlite only.");
const webPort = Number(process.env.ORDERBOOK_TEST_WEB_PORT ?? 8624);

let ipCounter = 0;
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

for (const [index, name] of backendNames.entries()) {
  describe(`order book on ${name}`, () => {
    const port = webPort + index;
    let base = `http://127.0.0.1:${port}`;
    let server: NextServer;
    let backend: Backend;
    let signedSwap: Address;
    let sellToken: Address;
    let buyToken: Address;

    async function call(method: string, path: string, payload?: unknown, ip = freshIp()): Promise<Reply> {
      const headers: Record<string, string> = { "x-forwarded-for": ip };
      let data: string | undefined;
      if (typeof payload === "string") data = payload;
      else if (payload !== undefined) {
        data = JSON.stringify(payload);
        headers["content-type"] = "application/json";
      }
      const res = await fetch(base + path, { method, headers, body: data });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, body: parsed };
    }

    const post = (signed: SignedOrderWithSignature, ip?: string) => call("POST", "/api/orders", encodeSignedOrder(signed), ip);
    const listed = async (query = "") =>
      (await call("GET", `/api/orders?${query}`)).body.orders as { orderHash: string; remaining: string; status: string }[];
    const listedHashes = async (who: Address) => (await listed(`maker=${who}&limit=100`)).map((o) => o.orderHash);
    /** Orders stored, read from the database itself; undefined on PGlite (the server owns its folder). */
    const rows = async () => {
      const db = await backend.db();
      return db ? Number((await db.select({ n: count() }).from(signedOrders))[0]!.n) : undefined;
    };
    const order = (terms: Partial<SignedOrder> = {}) => makeOrder({ maker: maker.address, sellToken, buyToken, ...terms });

    /** Posts `payload` (a signed order, or raw JSON/text) expecting a refusal: the status, a plain message, and no row written. */
    async function expectRefused(payload: unknown, status: number, message: RegExp | string): Promise<Reply> {
      const before = await rows();
      const isSigned = (p: unknown): p is SignedOrderWithSignature => typeof (p as SignedOrderWithSignature)?.order?.sellAmount === "bigint";
      const reply = isSigned(payload) ? await post(payload) : await call("POST", "/api/orders", payload);
      expect(reply.status).toBe(status);
      expect(typeof reply.body.error).toBe("string");
      expect(reply.body.error).toMatch(message);
      expect(await rows()).toBe(before);
      if (isSigned(payload)) expect((await call("GET", `/api/orders/${orderHashOf(payload.order, payload.verifyingContract)}`)).status).toBe(404);
      return reply;
    }

    /** `next start` on this backend; `limits` are the post budgets per IP and per maker a minute. */
    const start = (at: number, limits = "1000") =>
      startNext(at, {
        // the test's requests come through the loopback "proxy" with addresses of their own (freshIp)
        ...serverTestEnv(backend.env, `http://127.0.0.1:${at}`, rpcUrl),
        ORDERBOOK_SIGNED_SWAP: signedSwap,
        ORDERBOOK_START_BLOCK: "0",
        ORDERBOOK_SYNC_INTERVAL_SECONDS: "0",
        ORDERBOOK_POSTS_PER_MINUTE_PER_IP: limits,
        ORDERBOOK_POSTS_PER_MINUTE_PER_MAKER: limits,
      });

    beforeAll(async () => {
      signedSwap = getAddress(inject("signedSwap"));
      sellToken = getAddress(inject("sellToken"));
      buyToken = getAddress(inject("buyToken"));
      // for the sync step this process runs itself (PostgreSQL only, see "leased across processes")
      process.env.ORDERBOOK_SIGNED_SWAP = signedSwap;
      process.env.ORDERBOOK_START_BLOCK = "0";
      process.env.ORDERBOOK_SYNC_INTERVAL_SECONDS = "0";
      process.env.SERVER_RPC_URL = rpcUrl;
      backend = await createBackend(name, "pl-book");
      // both makers hold and approve the sell token, the taker the buy token (idempotent across backends)
      for (const who of [maker, otherMaker]) {
        await mint(sellToken, who.address, units("1000"));
        await approve(who, sellToken, signedSwap);
      }
      await approve(poorMaker, sellToken, signedSwap);
      await mint(buyToken, taker.address, units("1000000", 6));
      await approve(taker, buyToken, signedSwap);
      server = await start(port);
    });

    afterAll(async () => {
      await server?.stop();
      await backend?.drop();
    });

    describe("posting", () => {
      it("stores a valid order, lists it, and a repost changes nothing", async () => {
        const signed = await sign(maker, order(), signedSwap);
        const hash = orderHashOf(signed.order, signedSwap);
        const created = await post(signed);
        expect(created.status).toBe(201);
        expect(created.body.order).toMatchObject({
          orderHash: hash,
          status: "open",
          filledAmount: "0",
          remaining: signed.order.sellAmount.toString(),
        });
        // the link is the SDK's share-link encoding of the whole signed order
        expect(decodeOrderLink(created.body.order.link)).toEqual(signed);
        const count = await rows();
        const again = await post(signed);
        expect(again.status).toBe(200);
        expect(again.body.order.orderHash).toBe(hash);
        expect(await rows()).toBe(count);
        expect(await listedHashes(maker.address)).toContain(hash);
        const one = await call("GET", `/api/orders/${hash}`);
        expect([one.status, one.body.order.status]).toEqual([200, "open"]);
        expect((await call("GET", `/api/orders/0x${"ab".repeat(32)}`)).status).toBe(404);
        expect((await call("GET", "/api/orders/0x1234")).status).toBe(400);
      });

      it("accepts lower-case addresses and refuses a wrong checksum", async () => {
        const signed = await sign(maker, order(), signedSwap);
        const lower = encodeSignedOrder(signed);
        lower.order.maker = lower.order.maker.toLowerCase();
        expect((await call("POST", "/api/orders", lower)).status).toBe(201);
        const bad = encodeSignedOrder(await sign(maker, order(), signedSwap));
        bad.order.sellToken =
          bad.order.sellToken.slice(0, 2) +
          [...bad.order.sellToken.slice(2)].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
        await expectRefused(bad, 400, /checksum/);
      });

      it("refuses a signature that is not the maker's", async () => {
        const forged = await sign(otherMaker, order(), signedSwap); // order names `maker`, signed by another key
        const reply = await expectRefused(forged, 422, describeSignedSwapError("InvalidSignature"));
        expect(reply.body.reasons).toEqual(["InvalidSignature"]);
        const signed = await sign(maker, order(), signedSwap);
        await expectRefused({ ...signed, signature: `0x${"11".repeat(65)}` as Hex }, 422, describeSignedSwapError("InvalidSignature"));
        await expectRefused({ ...signed, signature: "0x1234" as Hex }, 422, describeSignedSwapError("InvalidSignature"));
        // a signature for other terms does not cover these
        await expectRefused({ ...signed, order: { ...signed.order, buyAmount: 1n } }, 422, describeSignedSwapError("InvalidSignature"));
      });

      it("refuses an order signed for another chain or another contract", async () => {
        const otherChain = await sign(maker, order(), signedSwap, 1);
        const chain = await expectRefused(otherChain, 422, /chain 1\b/);
        expect(chain.body.reasons).toEqual(["WrongChain"]);
        const otherContract = await sign(maker, order(), sellToken);
        const contract = await expectRefused(otherContract, 422, /contract/);
        expect(contract.body.reasons).toEqual(["WrongContract"]);
      });

      it("refuses an expired order", async () => {
        const { timestamp } = await publicClient.getBlock();
        const expired = await sign(maker, order({ expiry: timestamp - 10n }), signedSwap);
        const reply = await expectRefused(expired, 422, describeSignedSwapError("OrderExpired"));
        expect(reply.body.reasons).toContain("OrderExpired");
      });

      it("refuses a maker without the balance or the allowance", async () => {
        const broke = await sign(poorMaker, makeOrder({ maker: poorMaker.address, sellToken, buyToken }), signedSwap);
        const balance = await expectRefused(broke, 422, describeSignedSwapError("MakerBalanceLow"));
        expect(balance.body.reasons).toContain("MakerBalanceLow");
        const unapproved = await sign(
          taker,
          makeOrder({ maker: taker.address, sellToken: buyToken, buyToken: sellToken, sellAmount: 5n }),
          signedSwap,
        );
        await approve(taker, buyToken, signedSwap, 0n);
        try {
          const allowance = await expectRefused(unapproved, 422, describeSignedSwapError("MakerAllowanceLow"));
          expect(allowance.body.reasons).toEqual(["MakerAllowanceLow"]);
        } finally {
          await approve(taker, buyToken, signedSwap);
        }
      });

      it("refuses malformed JSON, wrong shapes and oversized bodies", async () => {
        await expectRefused("{not json", 400, /not valid JSON/);
        const signed = encodeSignedOrder(await sign(maker, order(), signedSwap));
        await expectRefused({ ...signed, order: { ...signed.order, sellAmount: 10 } }, 400, /sellAmount/);
        await expectRefused({ ...signed, order: { ...signed.order, sellAmount: "0" } }, 400, describeSignedSwapError("ZeroAmount"));
        await expectRefused({ ...signed, order: { ...signed.order, nonce: "-1" } }, 400, /nonce/);
        await expectRefused({ ...signed, order: { ...signed.order, expiry: (1n << 64n).toString() } }, 400, /uint64/);
        await expectRefused({ ...signed, extra: 1 }, 400, /extra|Unrecognized/);
        await expectRefused({ ...signed, signature: "hello" }, 400, /signature/);
        await expectRefused({ ...signed, signature: `0x${"ab".repeat(9000)}` }, 413, /over/);
      });

      it("answers spam with 429, per IP and per maker", async () => {
        // a second instance on the same database, with budgets of 3 a minute
        const main = base;
        const strict = await start(webPort + 2, "3");
        base = strict.base;
        try {
          const ip = freshIp();
          const garbage = () => call("POST", "/api/orders", "{", ip);
          expect((await garbage()).status).toBe(400);
          expect((await garbage()).status).toBe(400);
          expect((await garbage()).status).toBe(400);
          const limited = await garbage();
          expect(limited.status).toBe(429);
          expect(limited.body.error).toMatch(/Too many requests/);

          // one maker from many IPs: the maker's budget runs out
          const before = await rows();
          const statuses: number[] = [];
          const hashes: string[] = [];
          for (let i = 0; i < 4; i++) {
            const signed = await sign(otherMaker, makeOrder({ maker: otherMaker.address, sellToken, buyToken }), signedSwap);
            hashes.push(orderHashOf(signed.order, signedSwap));
            statuses.push((await post(signed)).status);
          }
          expect(statuses).toEqual([201, 201, 201, 429]);
          if (before !== undefined) expect(await rows()).toBe(before + 3);
          expect((await call("GET", `/api/orders/${hashes[3]}`)).status).toBe(404);
        } finally {
          base = main;
          await strict.stop();
        }
      });

      it("accepts an EIP-1271 wallet's order through SignedSwap.check", async () => {
        const wallet = getAddress(inject("smartWallet"));
        await mint(sellToken, wallet, units("100"));
        await walletApprove(walletOwner, wallet, sellToken, signedSwap);
        const walletOrder = makeOrder({ maker: wallet, sellToken, buyToken });
        expect((await post(await sign(walletOwner, walletOrder, signedSwap))).status).toBe(201);
        const stranger = accounts[3]!;
        const refused = await expectRefused(
          await sign(stranger, makeOrder({ maker: wallet, sellToken, buyToken }), signedSwap),
          422,
          describeSignedSwapError("InvalidSignature"),
        );
        expect(refused.body.reasons).toEqual(["InvalidSignature"]);
      });
    });

    describe("listing", () => {
      it("filters by token and maker, sorts by price and pages with a cursor", async () => {
        // otherMaker's book: three prices in one pair, one in the reverse pair
        const prices = ["30", "10", "20"];
        const hashes: Record<string, string> = {};
        for (const price of prices) {
          const signed = await sign(
            otherMaker,
            makeOrder({ maker: otherMaker.address, sellToken, buyToken, sellAmount: units("1"), buyAmount: units(price, 6) }),
            signedSwap,
          );
          expect((await post(signed)).status).toBe(201);
          hashes[price] = orderHashOf(signed.order, signedSwap);
        }
        const q = `maker=${otherMaker.address}&sellToken=${sellToken}&buyToken=${buyToken}&limit=2`;
        const ascPrices = async (sort: string) => {
          const first = await call("GET", `/api/orders?${q}&sort=${sort}`);
          const seen = first.body.orders.map((o: { orderHash: string }) => o.orderHash);
          let cursor = first.body.nextCursor;
          while (cursor) {
            const next = await call("GET", `/api/orders?${q}&sort=${sort}&cursor=${encodeURIComponent(cursor)}`);
            seen.push(...next.body.orders.map((o: { orderHash: string }) => o.orderHash));
            cursor = next.body.nextCursor;
          }
          return seen.filter((h: string) => Object.values(hashes).includes(h));
        };
        expect(await ascPrices("priceAsc")).toEqual([hashes["10"], hashes["20"], hashes["30"]]);
        expect(await ascPrices("priceDesc")).toEqual([hashes["30"], hashes["20"], hashes["10"]]);
        const newest = await ascPrices("newest");
        expect(newest).toEqual([hashes["20"], hashes["10"], hashes["30"]]);
        expect((await listed(`sellToken=${buyToken}`)).length).toBe(0);
        expect((await call("GET", "/api/orders?sort=cheapest")).status).toBe(400);
        expect((await call("GET", "/api/orders?limit=1000")).status).toBe(400);
        expect((await call("GET", "/api/orders?sellToken=0x12")).status).toBe(400);
        expect((await call("GET", "/api/orders?cursor=bm9wZQ")).status).toBe(400);
        expect((await call("GET", "/api/orders?drop=table")).status).toBe(400);
      });
    });

    describe("exact price order", () => {
      it("sorts prices that differ past 36 decimals apart, and ties newest first", async () => {
        // 1 wei for 10 tokens against 1 wei for 10 tokens less 1 wei: equal to 36 decimals
        const tenTokens = units("10");
        const post3 = async (sellAmount: bigint) => {
          const signed = await sign(otherMaker, makeOrder({ maker: otherMaker.address, sellToken, buyToken, sellAmount, buyAmount: 1n }), signedSwap);
          expect((await post(signed)).status).toBe(201);
          return orderHashOf(signed.order, signedSwap);
        };
        const dearer = await post3(tenTokens - 1n);
        const cheap = await post3(tenTokens);
        const cheapNewer = await post3(tenTokens);
        const mine = [dearer, cheap, cheapNewer];
        const q = `maker=${otherMaker.address}&sellToken=${sellToken}&buyToken=${buyToken}&limit=1`;
        const walk = async (sort: string) => {
          const seen: string[] = [];
          let cursor: string | null = "";
          while (cursor !== null) {
            const page: Reply = await call("GET", `/api/orders?${q}&sort=${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
            seen.push(...page.body.orders.map((o: { orderHash: string }) => o.orderHash));
            cursor = page.body.nextCursor;
          }
          return seen.filter((h) => mine.includes(h));
        };
        expect(await walk("priceAsc")).toEqual([cheapNewer, cheap, dearer]);
        expect(await walk("priceDesc")).toEqual([dearer, cheapNewer, cheap]);
      });
    });

    describe("pruning", () => {
      it("drops an order filled on chain, and keeps a partly filled one with what is left", async () => {
        const whole = await sign(maker, order(), signedSwap);
        const partial = await sign(maker, order({ partialFills: true, sellAmount: units("4"), buyAmount: units("10", 6) }), signedSwap);
        for (const signed of [whole, partial]) expect((await post(signed)).status).toBe(201);
        const [wholeHash, partialHash] = [orderHashOf(whole.order, signedSwap), orderHashOf(partial.order, signedSwap)];
        expect(await listedHashes(maker.address)).toEqual(expect.arrayContaining([wholeHash, partialHash]));

        const before = await balanceOf(sellToken, taker.address);
        await fillOrder(taker, signedSwap, whole.order, whole.signature);
        await fillOrder(taker, signedSwap, partial.order, partial.signature, units("1"));
        expect(await balanceOf(sellToken, taker.address)).toBe(before + units("11"));

        const afterFills = await listed(`maker=${maker.address}&limit=100`);
        expect(afterFills.map((o) => o.orderHash)).not.toContain(wholeHash);
        expect(afterFills.find((o) => o.orderHash === partialHash)?.remaining).toBe(units("3").toString());
        expect((await call("GET", `/api/orders/${wholeHash}`)).body.order.status).toBe("filled");

        await fillOrder(taker, signedSwap, partial.order, partial.signature, units("3"));
        expect(await listedHashes(maker.address)).not.toContain(partialHash);
        expect((await call("GET", `/api/orders/${partialHash}`)).body.order).toMatchObject({
          status: "filled",
          filledAmount: units("4").toString(),
          remaining: "0",
        });
        // a repost of a filled order does not reopen it
        const repost = await post(whole);
        expect([repost.status, repost.body.order.status]).toEqual([200, "filled"]);
        expect(await listedHashes(maker.address)).not.toContain(wholeHash);
      });

      it("drops an order whose nonce the maker cancelled", async () => {
        const signed = await sign(maker, order(), signedSwap);
        expect((await post(signed)).status).toBe(201);
        const hash = orderHashOf(signed.order, signedSwap);
        expect(await listedHashes(maker.address)).toContain(hash);
        await cancelNonces(maker, signedSwap, [signed.order.nonce]);
        expect(await listedHashes(maker.address)).not.toContain(hash);
        expect((await call("GET", `/api/orders/${hash}`)).body.order.status).toBe("cancelled");
      });

      it("drops every order in a word of nonces the maker invalidated", async () => {
        const wordPos = 40n + BigInt(index); // a word no other test signs in
        const nonces = [wordPos * 256n + 3n, wordPos * 256n + 200n, wordPos * 256n + 201n];
        const signed = await Promise.all(nonces.map((nonce) => sign(maker, order({ nonce }), signedSwap)));
        for (const s of signed) expect((await post(s)).status).toBe(201);
        const hashes = signed.map((s) => orderHashOf(s.order, signedSwap));
        // bits 3 and 200 only: the order with nonce ...201 stays
        await invalidateNonces(maker, signedSwap, wordPos, (1n << 3n) | (1n << 200n));
        const left = await listedHashes(maker.address);
        expect(left).not.toContain(hashes[0]);
        expect(left).not.toContain(hashes[1]);
        expect(left).toContain(hashes[2]);
        expect((await call("GET", `/api/orders/${hashes[0]}`)).body.order.status).toBe("cancelled");
      });

      // The test process runs a sync step of its own on the server's database: PostgreSQL only.
      it.skipIf(name === "PGlite")("runs one sync step at a time: shared in a process, leased across processes", async () => {
        const db = (await backend.db())!;
        expect(syncOrderBook()).toBe(syncOrderBook()); // concurrent callers share the running step
        await syncOrderBook();
        const signed = await sign(maker, order(), signedSwap);
        expect((await post(signed)).status).toBe(201);
        const hash = orderHashOf(signed.order, signedSwap);
        // another process holds the lease: list reads serve the book as stored
        await db.update(orderbookSync).set({ leaseUntil: new Date(Date.now() + 60_000) });
        await fillOrder(taker, signedSwap, signed.order, signed.signature);
        expect(await listedHashes(maker.address)).toContain(hash);
        // the lease ends (or its holder crashed and it ran out): the next read catches up
        await db.update(orderbookSync).set({ leaseUntil: new Date(Date.now() - 1) });
        expect(await listedHashes(maker.address)).not.toContain(hash);
      });

      it("hides an order while its maker lacks the balance, and lists it again once it is back", async () => {
        const signed = await sign(otherMaker, makeOrder({ maker: otherMaker.address, sellToken, buyToken, sellAmount: units("900") }), signedSwap);
        expect((await post(signed)).status).toBe(201);
        const hash = orderHashOf(signed.order, signedSwap);
        const held = await balanceOf(sellToken, otherMaker.address);
        await transfer(otherMaker, sellToken, poorMaker.address, held);
        try {
          // the periodic re-check (run before list reads) notices
          let hashes: string[] = [];
          for (let i = 0; i < 10 && (i === 0 || hashes.includes(hash)); i++) hashes = await listedHashes(otherMaker.address);
          expect(hashes).not.toContain(hash);
          expect((await call("GET", `/api/orders/${hash}`)).body.order).toMatchObject({ status: "unfillable", unfillableReason: "MakerBalanceLow" });
        } finally {
          await transfer(poorMaker, sellToken, otherMaker.address, held);
        }
        expect((await call("GET", `/api/orders/${hash}`)).body.order.status).toBe("open");
        expect(await listedHashes(otherMaker.address)).toContain(hash);
      });
    });
  });
}
