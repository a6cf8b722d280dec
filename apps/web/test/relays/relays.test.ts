// The app's server as one cache among relays, on the production build (`next start`), a real
// Hardhat node, PGlite and two real relays (@peerlock/relay): what a relay carries reaches the
// API only when it passes the API's own checks, and what the API accepts reaches the relays.
import {
  encodeRoomKeyAttestation,
  encodeSignedOrder,
  hashDealTerms,
  hashPrivateDetails,
  ORDER_EVENT_KIND,
  orderEventTemplate,
  readOrderEvent,
  roomEventTemplate,
  roomKeyTypedData,
  roomKeyWrapTypedData,
  type RoomItemWire,
  sealedToText,
  serializePublicTerms,
  type SignedOrder,
  type SignedOrderWithSignature,
  wrapDealKey,
  wrapItemStatement,
} from "@peerlock/sdk";
import { type RunningRelay, startRelay } from "@peerlock/relay";
import { getPublicKey } from "nostr-tools/pure";
import { type Address, getAddress, hexToBytes } from "viem";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { signedOrders } from "@/server/orderbook/schema";
import { messages } from "@/server/room/db/schema";
import { rpcUrl } from "../shared/chain";
import { createBackend, type Backend, testDatabaseUrl } from "../shared/backends";
import { type NextServer, serverTestEnv, spawnNext, startNext } from "../shared/nextServer";
import { approve, cancelNonces, maker, makeOrder, mint, orderHashOf, otherMaker, sign, units } from "../orderbook/chain";
import { buyer, CHAIN_ID, openDeal, seller, stranger, takeDeal } from "../room/chain";
import { dealContext, dealKeyOf, RoomClient, sealFor } from "../room/client";
import { fetchFrom, publishTo, signEvent, until } from "./nostr";

declare module "vitest" {
  export interface ProvidedContext {
    dealEscrow: Address;
    signedSwap: Address;
    sellToken: Address;
    buyToken: Address;
  }
}

/** SERVER_TEST_WEB_PORT + 7 to + 9 (the room suites use + 0 to + 6); relays on SERVER_TEST_RELAY_PORT to + 2. */
const webPort = Number(process.env.SERVER_TEST_WEB_PORT ?? 8640) + 7;
const relayPort = Number(process.env.SERVER_TEST_RELAY_PORT ?? 8680);
const SERVER_KEY = "7f".repeat(32);

describe("the server as a cache among relays", () => {
  const base = `http://127.0.0.1:${webPort}`;
  let relayA: RunningRelay;
  let relayB: RunningRelay;
  let backend: Backend;
  let server: NextServer;
  let signedSwap: Address;
  let sellToken: Address;
  let buyToken: Address;
  /** An order a relay held before the server started: it arrives as the relay's stored backlog. */
  let backlogOrder: SignedOrderWithSignature;

  const getJson = async (path: string) => {
    const res = await fetch(base + path, { headers: { "x-forwarded-for": "10.77.0.1" } });
    return { status: res.status, body: await res.json() };
  };
  const listedHashes = async () =>
    ((await getJson(`/api/orders?maker=${maker.address}&limit=100`)).body.orders as { orderHash: string }[]).map((o) => o.orderHash);
  const order = (terms: Partial<SignedOrder> = {}) => makeOrder({ maker: maker.address, sellToken, buyToken, ...terms });
  const orderEvent = (signed: SignedOrderWithSignature) => signEvent(orderEventTemplate(signed));
  const hashOf = (signed: SignedOrderWithSignature) => orderHashOf(signed.order, signed.verifyingContract);
  /** Waits until a valid control item shows, then a moment more, so items sent before it were handled too. */
  const settle = () => new Promise((r) => setTimeout(r, 1_500));

  beforeAll(async () => {
    signedSwap = getAddress(inject("signedSwap"));
    sellToken = getAddress(inject("sellToken"));
    buyToken = getAddress(inject("buyToken"));
    process.env.ROOM_DEAL_ESCROW = inject("dealEscrow");
    await mint(sellToken, maker.address, units("1000"));
    await approve(maker, sellToken, signedSwap);
    relayA = await startRelay({ port: relayPort, portFix: "SERVER_TEST_RELAY_PORT=<port>" });
    relayB = await startRelay({ port: relayPort + 1, portFix: "SERVER_TEST_RELAY_PORT=<port>" });
    backlogOrder = await sign(maker, order(), signedSwap);
    await publishTo(relayA.url, orderEvent(backlogOrder));
    backend = await createBackend("PGlite", "pl-relays");
    server = await startNext(webPort, {
      ...serverTestEnv(backend.env, base, rpcUrl),
      ROOM_DEAL_ESCROW: inject("dealEscrow"),
      ORDERBOOK_SIGNED_SWAP: signedSwap,
      ORDERBOOK_START_BLOCK: "0",
      ORDERBOOK_SYNC_INTERVAL_SECONDS: "0",
      SERVER_RELAYS: `${relayA.url},${relayB.url}`,
      SERVER_NOSTR_KEY: SERVER_KEY,
    });
  });

  afterAll(async () => {
    await server?.stop();
    await backend?.drop();
    await relayA?.close();
    await relayB?.close();
  });

  it("says in its log which relays it reads, and never prints its nostr key", () => {
    expect(server.output()).toContain(`from 2 relay(s) (SERVER_RELAYS): ${relayA.url}, ${relayB.url}`);
    expect(server.output()).not.toContain(SERVER_KEY);
  });

  describe("signed offers", () => {
    it("lists the orders a relay held before the server started", async () => {
      await until("the backlog order in GET /api/orders", async () => (await listedHashes()).includes(hashOf(backlogOrder)));
    });

    it("lists an order event published straight to a relay", async () => {
      const signed = await sign(maker, order(), signedSwap);
      await publishTo(relayA.url, orderEvent(signed));
      await until("the relay's order in GET /api/orders", async () => (await listedHashes()).includes(hashOf(signed)));
      const { body } = await getJson(`/api/orders/${hashOf(signed)}`);
      expect(body.order.signature).toBe(signed.signature);
    });

    it("stores no forged order: a bad signature, altered amounts, tags that disagree, a cancelled order", async () => {
      // signed by another key for this maker
      const badSignature = await sign(otherMaker, order(), signedSwap);
      // a real signature over other amounts: the event restates the altered order faithfully
      const real = await sign(maker, order(), signedSwap);
      const altered = { ...real, order: { ...real.order, sellAmount: real.order.sellAmount / 2n, buyAmount: real.order.buyAmount * 2n } };
      // the real order in the content, but the NIP-69 tags claim other amounts
      const real2 = await sign(maker, order(), signedSwap);
      const lyingTags = orderEventTemplate(real2);
      lyingTags.tags = lyingTags.tags.map((t) => (t[0] === "amt" ? ["amt", "1"] : t));
      // a real order whose nonce the maker then cancelled on chain
      const cancelled = await sign(maker, order(), signedSwap);
      await cancelNonces(maker, signedSwap, [cancelled.order.nonce]);
      const control = await sign(maker, order(), signedSwap);

      await publishTo(relayA.url, orderEvent(badSignature), orderEvent(altered), signEvent(lyingTags), orderEvent(cancelled), orderEvent(control));
      await until("the control order", async () => (await listedHashes()).includes(hashOf(control)));
      await settle();
      const listed = await listedHashes();
      for (const forged of [badSignature, altered, real2, cancelled]) {
        expect(listed).not.toContain(hashOf(forged));
        expect((await getJson(`/api/orders/${hashOf(forged)}`)).status).toBe(404);
      }
      expect(readOrderEvent(orderEvent(altered)).ok).toBe(true); // only the chain checks catch it
    });

    it("publishes an order posted to POST /api/orders to the relays, signed with SERVER_NOSTR_KEY", async () => {
      const signed = await sign(maker, order(), signedSwap);
      const res = await fetch(`${base}/api/orders`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "10.77.0.2" },
        body: JSON.stringify(encodeSignedOrder(signed)),
      });
      expect(res.status).toBe(201);
      for (const relay of [relayA, relayB]) {
        const [event] = await until(`the order on ${relay.url}`, async () => {
          const found = await fetchFrom(relay.url, { kinds: [ORDER_EVENT_KIND], "#d": [hashOf(signed)] });
          return found.length > 0 && found;
        });
        expect(event!.pubkey).toBe(getPublicKey(hexToBytes(`0x${SERVER_KEY}`)));
        const read = readOrderEvent(event!);
        expect(read.ok && read.signed.signature).toBe(signed.signature);
      }
    });
  });

  describe("deal rooms", () => {
    const PUBLIC = serializePublicTerms({
      pricePerUnit: "0.9",
      fiatCurrency: "EUR",
      paymentMethod: "SEPA",
      minFiat: "10",
      maxFiat: "500",
      notes: "",
    });
    const PRIVATE = "IBAN DE89 3704 0044 0532 0130 00";
    let dealId: bigint;
    const roomEvent = (item: RoomItemWire) => signEvent(roomEventTemplate(dealContext(dealId), item));
    const sellerUser = () => new RoomClient(base, seller);
    const messageItem = async (by: RoomClient, author: Address, text: string): Promise<Extract<RoomItemWire, { type: "message" }>> => ({
      type: "message",
      author,
      message: await by.signedMessage(dealId, sealFor(dealId, text)),
    });

    beforeAll(async () => {
      dealId = await openDeal(hashDealTerms(PUBLIC, PRIVATE));
      await takeDeal(dealId);
    });

    it("shows a party's message from a relay to the other party, and no stranger's or forged one", async () => {
      const reader = new RoomClient(base, buyer);
      expect((await reader.signIn()).status).toBe(200);
      const strangers = await messageItem(new RoomClient(base, stranger), stranger.address, "let me in");
      // the stranger's signature over a message that names the seller as author
      const forged = await messageItem(new RoomClient(base, stranger, seller.address), seller.address, "send to my IBAN");
      const real = await messageItem(sellerUser(), seller.address, "hello from the relays");
      await publishTo(relayA.url, roomEvent(strangers), roomEvent(forged), roomEvent(real));
      type Listed = { author: string; body: string; clientId: string }[];
      const read = async () => (await reader.call("GET", `/api/room/deals/${dealId}/messages`)).body.messages as Listed;
      await until("the seller's message", async () => (await read()).length > 0);
      await settle();
      const shown = await read();
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatchObject({ author: seller.address, clientId: real.message.clientId });
      expect(shown[0]!.body).toBe(real.message.body); // still sealed
    });

    it("stores terms that hash to termsHash, a room key, and only a wrap signed by a party", async () => {
      const reader = new RoomClient(base, buyer);
      expect((await reader.signIn()).status).toBe(200);
      // terms: a wrong private hash is refused, the right ones stored
      const good = { publicTerms: PUBLIC, privateDetailsHash: hashPrivateDetails(PRIVATE), sealedDetails: sealFor(dealId, PRIVATE, "details") };
      const wrongHash = { ...good, privateDetailsHash: hashPrivateDetails("IBAN other") };
      // the buyer's room key, as its browser would publish it to the relays
      const { publicKey } = await reader.roomKey();
      const statement = { wallet: buyer.address, publicKey, expiry: 0n };
      const typedKey = roomKeyTypedData(CHAIN_ID, statement);
      const attestation = encodeRoomKeyAttestation({
        wallet: buyer.address,
        publicKey: typedKey.message.publicKey,
        expiry: 0n,
        signature: await buyer.signTypedData(typedKey),
      });
      // a wrap of the deal key to that key: once signed by a stranger in the seller's name, once by the seller
      const wrapText = sealedToText(wrapDealKey(dealKeyOf(dealId), { wallet: buyer.address, publicKey }, dealContext(dealId)));
      const wrap = { reader: buyer.address, readerPublicKey: typedKey.message.publicKey, wrap: wrapText };
      const unsigned = {
        type: "wrap" as const,
        author: seller.address,
        wrap,
        signedAt: Math.floor(Date.now() / 1000),
        signature: `0x${"00".repeat(65)}` as const,
      };
      const typedWrap = roomKeyWrapTypedData(CHAIN_ID, wrapItemStatement(unsigned, dealId).statement);
      const forgedWrap = {
        ...unsigned,
        wrap: { ...wrap, wrap: sealedToText(wrapDealKey(new Uint8Array(32).fill(7), { wallet: buyer.address, publicKey }, dealContext(dealId))) },
      };
      const forgedSigned = {
        ...forgedWrap,
        signature: await stranger.signTypedData(roomKeyWrapTypedData(CHAIN_ID, wrapItemStatement(forgedWrap, dealId).statement)),
      };
      const realWrap = { ...unsigned, signature: await seller.signTypedData(typedWrap) };

      await publishTo(
        relayB.url,
        roomEvent({ type: "terms", terms: wrongHash }),
        roomEvent({ type: "terms", terms: good }),
        roomEvent({ type: "key", attestation }),
        roomEvent(forgedSigned),
        roomEvent(realWrap),
      );
      const wraps = await until("the seller's wrap", async () => {
        const { body } = await reader.call("GET", `/api/room/deals/${dealId}/keys`);
        return body.wraps?.length > 0 && (body.wraps as { wrap: string }[]);
      });
      expect(wraps.map((w) => w.wrap)).toEqual([wrapText]);
      expect((await reader.openDealKey(dealId)).join()).toBe(dealKeyOf(dealId).join());
      const terms = await getJson(`/api/room/deals/${dealId}/terms`);
      expect(terms.body.privateDetailsHash).toBe(hashPrivateDetails(PRIVATE));
      expect((await getJson(`/api/room/keys?wallets=${buyer.address}`)).body.keys[0].publicKey).toBe(typedKey.message.publicKey);
    });
  });

  it("keeps ingesting through the other relay when one is stopped", async () => {
    await relayA.close();
    const signed = await sign(maker, order(), signedSwap);
    await publishTo(relayB.url, orderEvent(signed));
    await until("the order from the remaining relay", async () => (await listedHashes()).includes(hashOf(signed)));
  });
});

describe.skipIf(!testDatabaseUrl)("two instances on one PostgreSQL, both reading the same relay", () => {
  const ports = [webPort + 1, webPort + 2];
  let relay: RunningRelay;
  let backend: Backend;
  let servers: NextServer[] = [];

  beforeAll(async () => {
    relay = await startRelay({ port: relayPort + 2, portFix: "SERVER_TEST_RELAY_PORT=<port>" });
    backend = await createBackend("PostgreSQL", "pl-relays-pg");
    servers = await Promise.all(
      ports.map((port) =>
        startNext(port, {
          ...backend.env,
          APP_ORIGIN: `http://127.0.0.1:${ports[0]}`,
          ROOM_DEAL_ESCROW: inject("dealEscrow"),
          ORDERBOOK_SIGNED_SWAP: inject("signedSwap"),
          ORDERBOOK_START_BLOCK: "0",
          SERVER_RPC_URL: rpcUrl,
          SERVER_RELAYS: relay.url,
        }),
      ),
    );
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await backend?.drop();
    await relay?.close();
  });

  it("stores each order and message once", async () => {
    const PUBLIC = serializePublicTerms({ pricePerUnit: "1", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "1", maxFiat: "2", notes: "" });
    const dealId = await openDeal(hashDealTerms(PUBLIC, "x"));
    await takeDeal(dealId);
    const signed = await sign(
      maker,
      makeOrder({ maker: maker.address, sellToken: inject("sellToken"), buyToken: inject("buyToken") }),
      inject("signedSwap"),
    );
    const message = await new RoomClient(servers[0]!.base, seller).signedMessage(dealId, sealFor(dealId, "once"));
    const item: RoomItemWire = { type: "message", author: seller.address, message };
    await publishTo(relay.url, signEvent(orderEventTemplate(signed)), signEvent(roomEventTemplate(dealContext(dealId), item)));
    const db = (await backend.db())!;
    const hash = orderHashOf(signed.order, signed.verifyingContract);
    const counts = async () => {
      const [orders] = await db.select({ n: count() }).from(signedOrders).where(eq(signedOrders.orderHash, hash));
      const [notes] = await db.select({ n: count() }).from(messages).where(eq(messages.clientId, message.clientId));
      return [Number(orders!.n), Number(notes!.n)];
    };
    await until("the order and the message in the shared database", async () => (await counts()).every((n) => n > 0));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await counts()).toEqual([1, 1]);
    for (const s of servers) expect(s.output()).toContain("from 1 relay(s) (SERVER_RELAYS)");
  });
});

describe("relay settings at startup", () => {
  const port = webPort + 1;

  it("says once that the relay side is off when no relay is configured", async () => {
    const backend = await createBackend("PGlite", "pl-relays-off");
    const server = await startNext(port, {
      ...backend.env,
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      SERVER_RELAYS: undefined,
      SERVER_RPC_URL: rpcUrl,
    });
    try {
      await fetch(`http://127.0.0.1:${port}/api/orders`).then((r) => r.arrayBuffer());
      expect(server.output().match(/no relays configured/g)).toHaveLength(1);
    } finally {
      await server.stop();
      await backend.drop();
    }
  });

  it("refuses to start with a relay list or nostr key it cannot use", async () => {
    const server = spawnNext(port, {
      APP_ORIGIN: `http://127.0.0.1:${port}`,
      SERVER_RELAYS: "https://not-a-relay.example",
      SERVER_NOSTR_KEY: "1234",
    });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain("SERVER_RELAYS must list ws:// or wss:// relay addresses");
    expect(server.output()).toContain("SERVER_NOSTR_KEY must be a nostr secret key as 64 hex digits");
  });
});
