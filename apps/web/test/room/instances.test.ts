// Two `next start` instances of the production build on one PostgreSQL act as one server:
// nonces, sessions, rate limits and messages live in the database. Needs TEST_DATABASE_URL.
import { hashDealTerms, openText, sealedFromText, serializePublicTerms } from "@peerlock/sdk";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type NextServer, startNext } from "../shared/nextServer";
import { buyer, openDeal, rpcUrl, seller, takeDeal } from "./chain";
import { dealContext, dealKeyOf, RoomClient, sealFor } from "./client";

const testUrl = process.env.TEST_DATABASE_URL;
if (!testUrl) console.log("TEST_DATABASE_URL is not set: the two-instance suite is skipped.");
/** SERVER_TEST_WEB_PORT + 3 and + 4 (production.test.ts uses + 0 to + 2). */
const port = Number(process.env.SERVER_TEST_WEB_PORT ?? 8640) + 3;
const NONCES_PER_MINUTE = 5;
const TERMS_HASH = hashDealTerms(
  serializePublicTerms({ pricePerUnit: "1", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "1", maxFiat: "9", notes: "" }),
  "IBAN",
);

describe.skipIf(!testUrl)("two instances on one PostgreSQL", () => {
  let one: NextServer;
  let two: NextServer;
  let dbName: string;
  // Both instances serve one public origin (as behind a load balancer): sign-in names it, not the instance.
  const origin = `http://127.0.0.1:${port}`;
  let ipCounter = 0;
  const at = (server: NextServer, account: typeof seller, ip = `10.30.0.${++ipCounter}`) => {
    const client = new RoomClient(server.base, account, account.address, ip);
    client.origin = origin;
    return client;
  };
  /** The same user (cookie jar, address, key) talking to the other instance. */
  const moved = (client: RoomClient, server: NextServer) => {
    const other = at(server, client.account, client.ip);
    other.cookie = client.cookie;
    other.sessionKey = client.sessionKey;
    return other;
  };

  beforeAll(async () => {
    process.env.ROOM_DEAL_ESCROW = inject("dealEscrow");
    dbName = `pl_two_${Math.random().toString(36).slice(2, 10)}`;
    const admin = postgres(testUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    await admin.end();
    const url = new URL(testUrl!);
    url.pathname = `/${dbName}`;
    const env = {
      APP_ORIGIN: origin,
      DATABASE_URL: url.toString(),
      ROOM_DEAL_ESCROW: inject("dealEscrow"),
      SERVER_RPC_URL: rpcUrl,
      TRUSTED_PROXIES: "127.0.0.1",
      // the deprecated name, still read: 500 a minute per client (before v3 it also set the global nonce ceiling, 10,000)
      ROOM_RATE_LIMIT_PER_MINUTE: "500",
      ROOM_NONCES_PER_MINUTE: String(NONCES_PER_MINUTE),
    };
    // one at a time: the first runs the migrations
    one = await startNext(port, env);
    await fetch(`${one.base}/api/room/auth/nonce`, { method: "POST", headers: { "x-forwarded-for": "10.30.9.9" } });
    two = await startNext(port + 1, env);
  });

  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    const admin = postgres(testUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  });

  it("spends a nonce issued by one instance once, on either", async () => {
    const user = at(one, seller);
    const message = await user.siweMessage();
    const signature = await seller.signMessage({ message });
    const onTwo = await moved(user, two).call("POST", "/api/room/auth/verify", { message, signature });
    expect(onTwo.status).toBe(200);
    const replayOne = await at(one, seller).call("POST", "/api/room/auth/verify", { message, signature });
    const replayTwo = await at(two, seller).call("POST", "/api/room/auth/verify", { message, signature });
    expect([replayOne.status, replayTwo.status]).toEqual([401, 401]);
  });

  it("honours a session made on one instance on the other, and a sign-out on both", async () => {
    const user = at(one, buyer);
    expect((await user.signIn()).status).toBe(200);
    const there = moved(user, two);
    expect((await there.call("GET", "/api/room/auth/session")).body.address).toBe(buyer.address);
    expect((await there.call("DELETE", "/api/room/auth/session")).status).toBe(200);
    expect((await user.call("GET", "/api/room/auth/session")).body.address).toBeNull();
  });

  it("holds a rate limit spent on one instance on the other", async () => {
    const ip = "10.30.1.1";
    const nonce = (server: NextServer) => at(server, seller, ip).call("POST", "/api/room/auth/nonce");
    const statuses: number[] = [];
    for (let i = 0; i < NONCES_PER_MINUTE; i++) statuses.push((await nonce(i % 2 ? two : one)).status);
    expect(statuses).toEqual(Array(NONCES_PER_MINUTE).fill(200));
    expect((await nonce(one)).status).toBe(429);
    expect((await nonce(two)).status).toBe(429);
  });

  it("has no sign-in ceiling a crowd of clients can exhaust for others (more nonces than the old global 10,000 a minute)", async () => {
    // all on one instance: before v3 the ceiling was per process
    const clients = Math.ceil(10_001 / NONCES_PER_MINUTE);
    const counts = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < clients; i = next++) {
        const ip = `10.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;
        for (let k = 0; k < NONCES_PER_MINUTE; k++) {
          const res = await fetch(`${one.base}/api/room/auth/nonce`, { method: "POST", headers: { "x-forwarded-for": ip } });
          await res.arrayBuffer();
          counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, worker));
    expect(Object.fromEntries(counts)).toEqual({ 200: clients * NONCES_PER_MINUTE });
    expect((await at(one, seller).signIn()).status).toBe(200);
  }, 240_000);

  it("reads on one instance a message posted on the other", async () => {
    const id = await openDeal(TERMS_HASH);
    await takeDeal(id);
    const [s, b] = [at(one, seller), at(two, buyer)];
    expect((await s.signIn()).status).toBe(200);
    expect((await b.signIn()).status).toBe(200);
    await s.authorizeSessionKey();
    const posted = await s.post(id, "sent through instance one");
    expect(posted.status).toBe(201);
    // a retry of the same message through the other instance is the same message
    const again = await s.signedMessage(id, sealFor(id, "again"), { clientId: "c-1" });
    const retry = await moved(s, two).call("POST", `/api/room/deals/${id}/messages`, again);
    const retryOne = await s.call("POST", `/api/room/deals/${id}/messages`, again);
    expect([retry.status, retryOne.status]).toEqual([201, 200]);
    const read = (await b.call("GET", `/api/room/deals/${id}/messages`)).body.messages;
    const open = (body: string) => openText(dealKeyOf(id), sealedFromText(body), dealContext(id), "message");
    expect(read.map((m: { body: string }) => open(m.body))).toEqual(["sent through instance one", "again"]);
  });
});
