// The deal room's API on the production build (`next start`), a real Hardhat node and a real
// database: PGlite in a fresh folder, then PostgreSQL when TEST_DATABASE_URL is set (where the
// test also reads the database to check that refusals store nothing).
import {
  hashDealTerms,
  hashPrivateDetails,
  openText,
  roomMessageTypedData,
  sealedFromText,
  serializePublicTerms,
  sessionKeyTypedData,
  verifyRoomMessage,
} from "@peerlock/sdk";
import { count } from "drizzle-orm";
import { getAddress, keccak256, zeroHash, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { dealTerms, evidence, messages, sessions } from "@/server/room/db/schema";
import {
  arbiter,
  buyer,
  CHAIN_ID,
  dispute,
  markPaid,
  openDeal,
  otherBuyer,
  publicClient,
  rpcUrl,
  seller,
  stranger,
  takeDeal,
  walletOwner,
} from "./chain";
import { type Backend, backendNames, createBackend } from "../shared/backends";
import { type NextServer, serverTestEnv, startNext } from "../shared/nextServer";
import { dealContext, dealKeyOf, RoomClient, sealFor } from "./client";

declare module "vitest" {
  export interface ProvidedContext {
    dealEscrow: Address;
    smartWallet: Address;
  }
}

const PUBLIC = serializePublicTerms({
  pricePerUnit: "0.92",
  fiatCurrency: "EUR",
  paymentMethod: "SEPA <script>alert(1)</script>",
  minFiat: "10",
  maxFiat: "500",
  notes: "Reference: deal id",
});
const PRIVATE = "IBAN DE89 3704 0044 0532 0130 00";
const TERMS_HASH = hashDealTerms(PUBLIC, PRIVATE);
/** What the seller's browser posts: public text, private hash, the details sealed with the deal key. */
const termsBody = (id: bigint) => ({
  publicTerms: PUBLIC,
  privateDetailsHash: hashPrivateDetails(PRIVATE),
  sealedDetails: sealFor(id, PRIVATE, "details"),
});
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 1, 2, 3]);

if (backendNames.length === 1) console.log("TEST_DATABASE_URL is not set: the deal room suite runs on PGlite only.");
const webPort = Number(process.env.ROOM_TEST_WEB_PORT ?? 8622);
const NONCES_PER_MINUTE = 5;

for (const [index, name] of backendNames.entries()) {
  describe(`deal room on ${name}`, () => {
    const port = webPort + index;
    const base = `http://127.0.0.1:${port}`;
    let server: NextServer;
    let backend: Backend;
    const as = (account: typeof seller, address?: Address) => new RoomClient(base, account, address);
    const start = () =>
      startNext(port, {
        // the test clients sit behind the loopback "proxy" with addresses of their own (RoomClient.ip)
        ...serverTestEnv(backend.env, base, rpcUrl),
        ROOM_DEAL_ESCROW: inject("dealEscrow"),
        ROOM_NONCES_PER_MINUTE: String(NONCES_PER_MINUTE),
      });

    beforeAll(async () => {
      process.env.ROOM_DEAL_ESCROW = inject("dealEscrow");
      backend = await createBackend(name, "pl-room");
      server = await start();
    });

    afterAll(async () => {
      await server?.stop();
      await backend?.drop();
    });

    /** Rows in `table`, read from the database itself; undefined on PGlite (the server owns its folder). */
    const rowCount = async (table: typeof sessions | typeof messages | typeof evidence | typeof dealTerms) => {
      const db = await backend.db();
      return db ? Number((await db.select({ n: count() }).from(table))[0]!.n) : undefined;
    };

    describe("sign-in with Ethereum", () => {
      it("signs in, and a replayed message is refused without a second session", async () => {
        const user = as(seller);
        const message = await user.siweMessage();
        const signature = await seller.signMessage({ message });
        const ok = await user.call("POST", "/api/room/auth/verify", { message, signature });
        expect(ok.status).toBe(200);
        expect(ok.headers.get("set-cookie")).toMatch(/HttpOnly; SameSite=Strict/);
        expect((await user.call("GET", "/api/room/auth/session")).body.address).toBe(seller.address);
        const before = await rowCount(sessions);
        const replay = await as(seller).call("POST", "/api/room/auth/verify", { message, signature });
        expect(replay.status).toBe(401);
        expect(replay.body.error).toMatch(/nonce/);
        expect(await rowCount(sessions)).toBe(before);
      });

      it("refuses expired messages, another domain or chain, and forged signatures", async () => {
        const before = await rowCount(sessions);
        const expired = await as(seller).signIn({ issuedAt: new Date(Date.now() - 120_000), expirationTime: new Date(Date.now() - 60_000) });
        expect([expired.status, expired.body.error]).toEqual([401, expect.stringMatching(/expired/)]);
        const domain = await as(seller).signIn({ domain: "evil.example" });
        expect([domain.status, domain.body.error]).toEqual([401, expect.stringMatching(/evil\.example/)]);
        const chain = await as(seller).signIn({ chainId: 1 });
        expect([chain.status, chain.body.error]).toEqual([401, expect.stringMatching(/chain 1/)]);
        const forger = as(stranger, seller.address); // signs with the stranger's key for the seller's address
        const forged = await forger.signIn();
        expect([forged.status, forged.body.error]).toEqual([401, expect.stringMatching(/signature/)]);
        const garbage = await as(seller).call("POST", "/api/room/auth/verify", { message: "hello", signature: "0x1234" });
        expect(garbage.status).toBe(400);
        expect(typeof garbage.body.error).toBe("string");
        expect(await rowCount(sessions)).toBe(before);
      });

      it("signs in a smart-contract wallet through EIP-1271", async () => {
        const smart = getAddress(inject("smartWallet"));
        const wallet = as(walletOwner, smart);
        expect((await wallet.signIn()).status).toBe(200);
        expect((await wallet.call("GET", "/api/room/auth/session")).body.address).toBe(smart);
      });
    });

    describe("terms", () => {
      it("stores terms only from the seller and only when they hash to termsHash", async () => {
        const id = await openDeal(TERMS_HASH);
        const sellerUser = as(seller);
        await sellerUser.signIn();
        const path = `/api/room/deals/${id}/terms`;
        const terms = termsBody(id);
        expect((await sellerUser.call("POST", path, { ...terms, privateDetailsHash: hashPrivateDetails("IBAN other") })).status).toBe(400);
        expect((await sellerUser.call("POST", path, { ...terms, publicTerms: "not json" })).status).toBe(400);
        // The plaintext details are not a sealed item: refused, never stored.
        const plain = await sellerUser.call("POST", path, { ...terms, sealedDetails: PRIVATE });
        expect([plain.status, plain.body.error]).toEqual([400, expect.stringMatching(/sealed/)]);
        expect((await sellerUser.call("POST", path, { publicTerms: PUBLIC, privateDetails: PRIVATE })).status).toBe(400);
        const notSeller = as(stranger);
        await notSeller.signIn();
        expect((await notSeller.call("POST", path, terms)).status).toBe(403);
        expect((await as(stranger).call("POST", path, terms)).status).toBe(401);
        expect((await as(stranger).call("GET", path)).status).toBe(404);

        const saved = await sellerUser.call("POST", path, terms);
        expect(saved.status).toBe(201);
        const pub = await as(stranger).call("GET", path);
        expect(pub.body).toEqual({ dealId: String(id), publicTerms: PUBLIC, privateDetailsHash: hashPrivateDetails(PRIVATE), termsHash: TERMS_HASH });
        const list = await as(stranger).call("GET", `/api/room/terms?ids=${id},999999`);
        expect(list.body.terms).toHaveLength(1);
        expect((await as(stranger).call("GET", "/api/room/terms?ids=1,x")).status).toBe(400);
      });
    });

    describe("who reads what", () => {
      it("gives private details, messages and evidence only to the parties, the buyer once taken and the arbiter once disputed", async () => {
        const id = await openDeal(TERMS_HASH);
        const [s, b, a, x, other] = [as(seller), as(buyer), as(arbiter), as(stranger), as(otherBuyer)];
        for (const u of [s, b, a, x, other]) expect((await u.signIn()).status).toBe(200);
        expect((await s.call("POST", `/api/room/deals/${id}/terms`, termsBody(id))).status).toBe(201);
        const otherDeal = await openDeal(TERMS_HASH);
        await takeDeal(otherDeal, otherBuyer.address);

        const paths = [`/api/room/deals/${id}/private`, `/api/room/deals/${id}/messages`, `/api/room/deals/${id}/evidence`];
        const statuses = async (u: RoomClient) => Promise.all(paths.map(async (p) => (await u.call("GET", p)).status));
        expect(await statuses(s)).toEqual([200, 200, 200]);
        expect(await statuses(b)).toEqual([403, 403, 403]); // not the buyer until taken
        await takeDeal(id);
        expect(await statuses(b)).toEqual([200, 200, 200]);
        const sealed = (await b.call("GET", paths[0]!)).body.sealedDetails;
        expect(sealed).not.toContain("IBAN");
        expect(openText(dealKeyOf(id), sealedFromText(sealed), dealContext(id), "details")).toBe(PRIVATE);
        expect(await statuses(x)).toEqual([403, 403, 403]);
        expect(await statuses(other)).toEqual([403, 403, 403]);
        expect(await statuses(a)).toEqual([403, 403, 403]);
        const refusal = await x.call("GET", paths[0]!);
        expect(refusal.body.error).toMatch(/Only the seller/);

        // Nobody outside may post either, and nothing is stored.
        const before = await rowCount(messages);
        expect((await x.post(id, "let me in")).status).toBe(403);
        expect((await a.post(id, "too early")).status).toBe(403);
        expect((await a.upload(id, PNG)).status).toBe(403);
        expect(await rowCount(messages)).toBe(before);
        expect((await s.call("GET", paths[1]!)).body.messages).toEqual([]);
        expect((await s.call("GET", paths[2]!)).body.evidence).toEqual([]);

        await markPaid(id);
        await dispute(id);
        expect(await statuses(a)).toEqual([200, 200, 200]);
        expect(await statuses(x)).toEqual([403, 403, 403]);
        expect((await as(stranger).call("GET", paths[0]!)).status).toBe(403); // signed out
        expect((await as(stranger).call("GET", paths[1]!)).status).toBe(401);
      });
    });

    describe("messages", () => {
      it("stores session-key-signed messages once per client id, verifiable without the server", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const b = as(buyer);
        await b.signIn();
        await b.authorizeSessionKey();
        const signed = await b.signedMessage(id, sealFor(id, "Paid by SEPA, reference <img src=x onerror=alert(1)>"));
        const path = `/api/room/deals/${id}/messages`;
        const first = await b.call("POST", path, signed);
        expect(first.status).toBe(201);
        const retry = await b.call("POST", path, signed);
        expect(retry.status).toBe(200);
        expect(retry.body.message.id).toBe(first.body.message.id);
        const stored = (await b.call("GET", path)).body.messages;
        expect(stored).toHaveLength(1);

        // Anyone can check the author from what the API returned, with the SDK alone.
        const m = stored[0];
        const check = await verifyRoomMessage(
          {
            message: {
              author: m.author,
              dealId: BigInt(m.dealId),
              clientId: m.clientId,
              body: m.body,
              evidence: m.evidence,
              sentAt: BigInt(m.sentAt),
            },
            signature: m.signature,
            sessionKey: {
              authorization: { key: m.sessionKey.key, room: m.sessionKey.room, expiry: BigInt(m.sessionKey.expiry) },
              signature: m.sessionKey.signature,
            },
          },
          { chainId: CHAIN_ID, room: b.host, verifyTypedData: (args) => publicClient.verifyTypedData(args as never) },
        );
        expect(check).toMatchObject({ ok: true, via: "sessionKey" });

        // The wallet may also sign a message itself.
        const direct = as(seller);
        await direct.signIn();
        expect((await direct.post(id, "Received?")).status).toBe(201);
      });

      it("refuses forged, tampered, stale and malformed messages and stores nothing", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const b = as(buyer);
        await b.signIn();
        await b.authorizeSessionKey();
        const path = `/api/room/deals/${id}/messages`;
        const before = await rowCount(messages);

        const tampered = { ...(await b.signedMessage(id, sealFor(id, "I paid 100"))), body: sealFor(id, "I paid 1000") };
        expect((await b.call("POST", path, tampered)).status).toBe(401);
        // A key the seller never authorized, presented as the seller's.
        const s = as(seller);
        await s.signIn();
        const stolen = await b.signedMessage(id, sealFor(id, "release now"));
        const asSeller = await s.call("POST", path, stolen);
        expect([asSeller.status, asSeller.body.error]).toEqual([401, expect.any(String)]);
        // Signed by a wallet that is not the author.
        const forged = { ...(await as(stranger).signedMessage(id, sealFor(id, "hi"))), clientId: "forged-1" };
        expect((await s.call("POST", path, forged)).status).toBe(401);
        const expiredKey = as(buyer);
        await expiredKey.signIn();
        await expiredKey.authorizeSessionKey(Math.floor(Date.now() / 1000) - 10);
        expect((await expiredKey.post(id, "late")).status).toBe(401);
        expect((await b.post(id, "from the past", { sentAt: 1_000 })).status).toBe(400);
        expect((await b.call("POST", path, { body: "no signature" })).status).toBe(400);
        expect((await b.call("POST", path, "{not json", { "content-type": "application/json" })).status).toBe(400);
        expect((await b.post(id, "x".repeat(8_100))).status).toBe(400);
        // A plaintext body, even correctly signed, is not a sealed item: refused.
        const plain = await b.call("POST", path, await b.signedMessage(id, "plain text"));
        expect([plain.status, plain.body.error]).toEqual([400, expect.stringMatching(/sealed item/)]);
        expect((await b.post(id, "names missing evidence", { evidence: keccak256("0x01") })).status).toBe(400);
        expect(await rowCount(messages)).toBe(before);
        expect((await b.call("GET", path)).body.messages).toEqual([]);
      });

      it("refuses a body over the limit with 413 and a flood with 429", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const b = as(buyer);
        await b.signIn();
        const before = await rowCount(messages);
        const big = await b.call("POST", `/api/room/deals/${id}/messages`, {
          ...(await b.signedMessage(id, sealFor(id, "hi"))),
          padding: "x".repeat(64 * 1024),
        });
        expect([big.status, big.body.error]).toEqual([413, expect.stringMatching(/over/)]);
        expect(await rowCount(messages)).toBe(before);
        expect((await b.call("GET", `/api/room/deals/${id}/messages`)).body.messages).toEqual([]);

        const flooder = as(stranger);
        const statuses: number[] = [];
        for (let i = 0; i < NONCES_PER_MINUTE + 3; i++) statuses.push((await flooder.call("POST", "/api/room/auth/nonce")).status);
        expect(statuses).toEqual([...Array(NONCES_PER_MINUTE).fill(200), 429, 429, 429]);
        const refused = await flooder.call("POST", "/api/room/auth/nonce");
        expect(refused.body.error).toMatch(/Too many/);
        expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      });
    });

    describe("evidence", () => {
      it("stores only sealed files, refuses plaintext or over 5 MB, and serves the ciphertext as an opaque download", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const b = as(buyer);
        await b.signIn();
        const path = `/api/room/deals/${id}/evidence`;
        const up = await b.upload(id, PNG, '<img src=x onerror="alert(1)">receipt.png');
        expect(up.status).toBe(201);
        const sealedHash = up.body.evidence.hash;
        expect(sealedHash).not.toBe(keccak256(PNG));
        expect(up.body.evidence.meta).not.toMatch(/receipt/);
        const pdf = new TextEncoder().encode("%PDF-1.4\n%test\n");
        expect((await b.upload(id, pdf, "r.pdf", "application/pdf")).status).toBe(201);

        const before = await rowCount(evidence);
        const meta = sealFor(id, JSON.stringify({ name: "p.png", type: "image/png" }), "evidence");
        const plain = await b.call("POST", `${path}?meta=${meta}`, PNG, { "content-type": "image/png" });
        expect([plain.status, plain.body.error]).toEqual([400, expect.stringMatching(/sealed/)]);
        const noMeta = await b.call("POST", `${path}?name=x.png`, PNG);
        expect(noMeta.status).toBe(400);
        const huge = await b.upload(id, new Uint8Array(5 * 1024 * 1024 + 1));
        expect(huge.status).toBe(413);
        expect(await rowCount(evidence)).toBe(before);
        expect((await b.call("GET", path)).body.evidence).toHaveLength(2);

        const file = await b.call("GET", `${path}/${sealedHash}`);
        expect(file.status).toBe(200);
        expect(file.headers.get("content-type")).toBe("application/octet-stream");
        expect(file.headers.get("x-content-type-options")).toBe("nosniff");
        expect(file.headers.get("content-security-policy")).toMatch(/sandbox/);
        expect(file.headers.get("content-disposition")).toMatch(/^attachment/);

        // A message can carry the evidence, and its signature covers the sealed file's hash.
        await b.authorizeSessionKey();
        expect((await b.post(id, "my receipt", { evidence: sealedHash })).status).toBe(201);
        expect((await as(stranger).call("GET", `${path}/${sealedHash}`)).status).toBe(401);
      });
    });

    describe("room keys and deal-key wraps", () => {
      it("publishes checked attestations, and wraps only for readers allowed now: the arbiter only once disputed", async () => {
        const id = await openDeal(TERMS_HASH);
        const [s, b, a, x] = [as(seller), as(buyer), as(arbiter), as(stranger)];
        for (const u of [s, b, a, x]) {
          expect((await u.signIn()).status).toBe(200);
          expect((await u.publishRoomKey()).status).toBe(201);
        }
        // An attestation for another wallet's key, signed by the stranger, is refused.
        const forged = (await as(stranger, buyer.address).publishRoomKey()).status;
        expect(forged).toBe(401);
        const keys = (await x.call("GET", `/api/room/keys?wallets=${seller.address},${buyer.address}`)).body.keys;
        expect(keys).toHaveLength(2);

        expect((await s.wrapFor(id, [seller.address])).status).toBe(201);
        expect((await s.wrapFor(id, [buyer.address])).status).toBe(403); // no buyer yet
        expect((await x.wrapFor(id, [stranger.address])).status).toBe(403);
        await takeDeal(id);
        expect((await s.call("GET", "/api/room/attention")).body.waiting).toContainEqual({ dealId: String(id), action: "share-key" });
        expect((await s.wrapFor(id, [buyer.address])).status).toBe(201);
        expect((await s.call("GET", "/api/room/attention")).body.waiting).not.toContainEqual({ dealId: String(id), action: "share-key" });
        expect(await b.openDealKey(id)).toEqual(dealKeyOf(id));
        expect((await s.wrapFor(id, [arbiter.address])).status).toBe(403); // never before the dispute
        expect((await a.call("GET", `/api/room/deals/${id}/keys`)).status).toBe(403);
        await markPaid(id);
        await dispute(id);
        expect((await b.call("GET", "/api/room/attention")).body.waiting).toContainEqual({ dealId: String(id), action: "share-key" });
        expect((await b.wrapFor(id, [arbiter.address])).status).toBe(201);
        expect(await a.openDealKey(id)).toEqual(dealKeyOf(id));
        // The stranger's wrap list stays closed.
        expect((await x.call("GET", `/api/room/deals/${id}/keys`)).status).toBe(403);
      });
    });

    describe("needs your action", () => {
      it("counts deals waiting on me and unread messages until I read them", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const [s, b] = [as(seller), as(buyer)];
        await s.signIn();
        await b.signIn();
        const posted = await s.post(id, "Please pay");
        const mine = (await b.call("GET", "/api/room/attention")).body;
        expect(mine.waiting).toContainEqual({ dealId: String(id), action: "pay" });
        expect(mine.unread).toContainEqual({ dealId: String(id), count: 1 });
        expect((await b.call("POST", `/api/room/deals/${id}/read`, { lastMessageId: posted.body.message.id })).status).toBe(200);
        const after = (await b.call("GET", "/api/room/attention")).body;
        expect(after.unread.find((u: { dealId: string }) => u.dealId === String(id))).toBeUndefined();
        expect((await as(stranger).call("GET", "/api/room/attention")).body).toMatchObject({ total: 0, signedIn: false });
      });
    });

    describe("restart", () => {
      it("loses nothing accepted when the server restarts mid-conversation", async () => {
        const id = await openDeal(TERMS_HASH);
        await takeDeal(id);
        const [s, b] = [as(seller), as(buyer)];
        await s.signIn();
        await b.signIn();
        await b.authorizeSessionKey();
        const sent: number[] = [];
        for (let i = 0; i < 5; i++) sent.push((await (i % 2 ? s : b).post(id, `before restart ${i}`)).body.message.id);

        await server.stop();
        await new Promise((r) => setTimeout(r, 200)); // let the clients see their kept-alive sockets close
        server = await start();

        // The session, the session key and every message survive; the conversation goes on.
        const listed = (await s.call("GET", `/api/room/deals/${id}/messages`)).body.messages;
        expect(listed.map((m: { id: number }) => m.id)).toEqual(sent);
        expect((await b.post(id, "after restart")).status).toBe(201);
        expect((await s.call("GET", `/api/room/deals/${id}/messages`)).body.messages).toHaveLength(6);
      });
    });

    it("checks a smart wallet's session-key authorization through the chain (EIP-1271)", async () => {
      const smart = inject("smartWallet");
      const authorization = { key: seller.address, room: "localhost:3000", expiry: 2_000_000_000n };
      const authSignature = await walletOwner.signTypedData(sessionKeyTypedData(CHAIN_ID, authorization));
      const message = { author: smart, dealId: 1n, clientId: "c", body: "hi", evidence: zeroHash, sentAt: 1n };
      const signature = await seller.signTypedData(roomMessageTypedData(CHAIN_ID, message));
      const verify = (args: unknown) => publicClient.verifyTypedData(args as never);
      const ok = await verifyRoomMessage(
        { message, signature, sessionKey: { authorization, signature: authSignature } },
        { chainId: CHAIN_ID, room: "localhost:3000", verifyTypedData: verify },
      );
      expect(ok.ok).toBe(true);
      const wrongOwner = await stranger.signTypedData(sessionKeyTypedData(CHAIN_ID, authorization));
      const bad = await verifyRoomMessage(
        { message, signature, sessionKey: { authorization, signature: wrongOwner } },
        { chainId: CHAIN_ID, room: "localhost:3000", verifyTypedData: verify },
      );
      expect(bad.ok).toBe(false);
      if (name === "PostgreSQL") expect(await rowCount(dealTerms)).toBeGreaterThan(0);
    });
  });
}
