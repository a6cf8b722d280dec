// The deal room as it runs on the open internet: `next start` of the production build (one
// build per run, see globalSetup), a real Hardhat node, PGlite. Each case here failed on the
// server before v3 ("Server on the open internet" in docs/spec.md).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashDealTerms, serializePublicTerms } from "@peerlock/sdk";
import { keccak256, maxUint256 } from "viem";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type NextServer, spawnNext, startNext } from "../shared/nextServer";
import { rawRequest } from "../shared/rawHttp";
import { arbiter, buyer, CHAIN_ID, dispute, markPaid, openDeal, release, rpcUrl, seller, takeDeal } from "./chain";
import { RoomClient, sealedTerms, sealEvidence } from "./client";

const PUBLIC = serializePublicTerms({ pricePerUnit: "1", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "1", maxFiat: "9", notes: "" });
const PRIVATE = "IBAN DE00 0000";
const TERMS_HASH = hashDealTerms(PUBLIC, PRIVATE);
/** A PNG signature and `size - 8` more bytes: a file the server takes as evidence. */
const png = (size: number, fill: number) => {
  const bytes = new Uint8Array(size).fill(fill);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
};

/** Ports from SERVER_TEST_WEB_PORT (8640): +0 the main server, +1 +2 servers that must not start or have no chain. */
const port = Number(process.env.SERVER_TEST_WEB_PORT ?? 8640);
const base = `http://127.0.0.1:${port}`;
const NONCES_PER_MINUTE = 5;

describe("deal room under next start", () => {
  let server: NextServer;
  let dataDir: string;
  let ipCounter = 0;
  /** A client behind the trusted proxy (127.0.0.1), at an address of its own. */
  const as = (account: typeof seller) =>
    new RoomClient(base, account, account.address, `10.20.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`);

  beforeAll(async () => {
    process.env.ROOM_DEAL_ESCROW = inject("dealEscrow");
    dataDir = mkdtempSync(join(tmpdir(), "pl-prod-"));
    server = await startNext(port, {
      APP_ORIGIN: base,
      ROOM_DEAL_ESCROW: inject("dealEscrow"),
      // the deprecated names, still read (with a warning)
      ROOM_RPC_URL: rpcUrl,
      ROOM_DATA_DIR: dataDir,
      ROOM_RATE_LIMIT_PER_MINUTE: "500",
      DATABASE_URL: undefined,
      ROOM_DOMAIN: undefined,
      TRUSTED_PROXIES: "127.0.0.1",
      ROOM_NONCES_PER_MINUTE: String(NONCES_PER_MINUTE),
      ROOM_EVIDENCE_MAX_FILES: "3",
      ROOM_EVIDENCE_MAX_TOTAL_BYTES: "300",
    });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("configuration", () => {
    it("refuses to start in production without APP_ORIGIN, saying so plainly", async () => {
      const bare = spawnNext(port + 1, { APP_ORIGIN: undefined, DATABASE_URL: undefined });
      try {
        const code = await Promise.race([bare.exited, new Promise((r) => setTimeout(() => r("still running"), 30_000))]);
        expect(code).not.toBe("still running");
        expect(code).not.toBe(0);
        expect(bare.output()).toMatch(/APP_ORIGIN is not set/);
      } finally {
        await bare.stop();
      }
    });

    it("still reads ROOM_RPC_URL and ROOM_DATA_DIR, with a warning naming the new settings", () => {
      expect(server.output()).toMatch(/ROOM_RPC_URL is deprecated; set SERVER_RPC_URL/);
      expect(server.output()).toMatch(/ROOM_DATA_DIR is deprecated; set SERVER_DATA_DIR/);
    });
  });

  describe("sign-in names the configured origin", () => {
    it("refuses a message for the Host header's domain instead of APP_ORIGIN's", async () => {
      const attacker = as(seller);
      const { body } = await attacker.call("POST", "/api/room/auth/nonce");
      const message = createSiweMessage({
        address: seller.address,
        chainId: CHAIN_ID,
        domain: "evil.example",
        nonce: body.nonce,
        uri: "http://evil.example",
        version: "1",
        issuedAt: new Date(),
        expirationTime: new Date(Date.now() + 60_000),
      });
      const reply = await rawRequest({
        port,
        method: "POST",
        path: "/api/room/auth/verify",
        headers: { host: "evil.example", "x-forwarded-for": attacker.ip },
        body: JSON.stringify({ message, signature: await seller.signMessage({ message }) }),
      });
      expect(reply.status).toBe(401);
      expect(reply.headers["set-cookie"]).toBeUndefined();
      expect(JSON.parse(reply.body).error).toMatch(/evil\.example/);
      // a browser on that host is a cross-site caller, whatever Host it sends
      const crossSite = await rawRequest({
        port,
        method: "POST",
        path: "/api/room/auth/verify",
        headers: { host: "evil.example", origin: "http://evil.example", "x-forwarded-for": attacker.ip },
        body: JSON.stringify({ message, signature: await seller.signMessage({ message }) }),
      });
      expect([crossSite.status, JSON.parse(crossSite.body).error]).toEqual([403, expect.stringMatching(/Cross-site/)]);
      // the session endpoint tells browsers the configured domain, whatever Host they sent
      const session = await rawRequest({ port, method: "GET", path: "/api/room/auth/session", headers: { host: "evil.example" } });
      expect(JSON.parse(session.body)).toMatchObject({ domain: new URL(base).host, origin: base });
      expect((await as(seller).signIn()).status).toBe(200);
    });

    it("refuses a message whose URI is on another origin", async () => {
      const reply = await as(seller).signIn({ uri: "http://evil.example/login" });
      expect([reply.status, reply.body.error]).toEqual([401, expect.stringMatching(/URI/)]);
    });
  });

  describe("client addresses and sign-in nonces", () => {
    it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
      // 127.0.0.2 is not in TRUSTED_PROXIES: whatever it claims, it is one client
      const statuses: number[] = [];
      for (let i = 0; i < NONCES_PER_MINUTE + 2; i++) {
        const reply = await rawRequest({
          port,
          method: "POST",
          path: "/api/room/auth/nonce",
          localAddress: "127.0.0.2",
          headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
        });
        statuses.push(reply.status);
      }
      expect(statuses).toEqual([...Array(NONCES_PER_MINUTE).fill(200), 429, 429]);
      // through the trusted proxy, the forwarded address is the client: another client is unaffected
      expect((await as(buyer).call("POST", "/api/room/auth/nonce")).status).toBe(200);
    });

    it("bounds nonces per client: a crowd at its budget leaves sign-in open to everyone else", async () => {
      // (More clients than the old global ceiling allowed for is the two-instance suite's flood, on PostgreSQL.)
      const crowd = 40;
      const statuses: number[] = [];
      await Promise.all(
        Array.from({ length: crowd }, async (_, i) => {
          for (let k = 0; k <= NONCES_PER_MINUTE; k++) {
            const res = await fetch(`${base}/api/room/auth/nonce`, { method: "POST", headers: { "x-forwarded-for": `10.77.0.${i + 1}` } });
            await res.arrayBuffer();
            statuses.push(res.status);
          }
        }),
      );
      expect(statuses.filter((s) => s === 200)).toHaveLength(crowd * NONCES_PER_MINUTE);
      expect(statuses.filter((s) => s === 429)).toHaveLength(crowd);
      expect((await as(seller).signIn()).status).toBe(200);
    });
  });

  describe("ids and errors", () => {
    it("answers ids outside uint256 with 400 everywhere an id is read", async () => {
      const tooBig = (maxUint256 + 1n).toString();
      const user = as(seller);
      await user.signIn();
      for (const path of [
        `/api/room/deals/${tooBig}/private`,
        `/api/room/deals/${tooBig}/terms`,
        `/api/room/deals/${tooBig}/messages`,
        `/api/room/deals/${tooBig}/evidence`,
        `/api/room/deals/${tooBig}/evidence/${keccak256("0x01")}`,
        `/api/room/terms?ids=1,${tooBig}`,
      ]) {
        const reply = await user.call("GET", path);
        expect([path, reply.status, typeof reply.body.error]).toEqual([path, 400, "string"]);
      }
      expect((await user.call("GET", `/api/room/deals/${maxUint256}/private`)).status).toBe(404);
    });

    it("answers an unreachable chain with 503 in a production build", async () => {
      const noChainDir = mkdtempSync(join(tmpdir(), "pl-prod-nochain-"));
      const noChain = await startNext(port + 2, {
        APP_ORIGIN: `http://127.0.0.1:${port + 2}`,
        ROOM_DEAL_ESCROW: inject("dealEscrow"),
        // the old names too, so this case also runs against a build from before v3
        SERVER_RPC_URL: "http://127.0.0.1:9",
        ROOM_RPC_URL: "http://127.0.0.1:9",
        SERVER_DATA_DIR: noChainDir,
        ROOM_DATA_DIR: noChainDir,
        DATABASE_URL: undefined,
      });
      try {
        const reply = await fetch(`${noChain.base}/api/room/deals/1/private`);
        expect(reply.status).toBe(503);
        expect((await reply.json()).error).toMatch(/chain could not be read/);
      } finally {
        await noChain.stop();
        rmSync(noChainDir, { recursive: true, force: true });
      }
    });
  });

  describe("grants and private responses", () => {
    it("takes the arbiter's access away the moment the seller releases a disputed deal", async () => {
      const id = await openDeal(TERMS_HASH);
      const [s, b, a] = [as(seller), as(buyer), as(arbiter)];
      for (const u of [s, b, a]) expect((await u.signIn()).status).toBe(200);
      expect((await s.call("POST", `/api/room/deals/${id}/terms`, sealedTerms(id, PUBLIC, PRIVATE))).status).toBe(201);
      await takeDeal(id);
      await markPaid(id);
      await dispute(id);
      const paths = [`/api/room/deals/${id}/private`, `/api/room/deals/${id}/messages`, `/api/room/deals/${id}/evidence`];
      const statuses = async () => Promise.all(paths.map(async (p) => (await a.call("GET", p)).status));
      expect(await statuses()).toEqual([200, 200, 200]);
      await release(id);
      expect(await statuses()).toEqual([403, 403, 403]);
    });

    it("keeps evidence within a quota per deal and party, and serves private responses with no-store", async () => {
      const id = await openDeal(TERMS_HASH);
      await takeDeal(id);
      const [s, b] = [as(seller), as(buyer)];
      await s.signIn();
      await b.signIn();
      const path = `/api/room/deals/${id}/evidence`;
      // The quota counts sealed bytes (a file and 41). Files: three of 20 (61 sealed) fit
      // (quota 3 files, 300 bytes), a fourth does not.
      const first = sealEvidence(id, png(20, 1));
      expect((await b.uploadSealed(id, first)).status).toBe(201);
      for (let i = 1; i < 3; i++) expect((await b.upload(id, png(20, i + 1))).status).toBe(201);
      expect((await b.uploadSealed(id, first)).status).toBe(201); // the same sealed file again costs nothing
      const fourth = await b.upload(id, png(20, 9));
      expect([fourth.status, fourth.body.error]).toEqual([413, expect.stringMatching(/quota/)]);
      // bytes: the other party has a quota of its own; 171 + 171 sealed bytes is over 300
      expect((await s.upload(id, png(130, 1))).status).toBe(201);
      const over = await s.upload(id, png(130, 2));
      expect([over.status, over.body.error]).toEqual([413, expect.stringMatching(/quota/)]);
      expect((await b.call("GET", path)).body.evidence).toHaveLength(4);

      const file = await b.call("GET", `${path}/${keccak256(first)}`);
      expect(file.status).toBe(200);
      expect(file.headers.get("cache-control")).toBe("no-store");
      for (const p of [path, `/api/room/deals/${id}/messages`, `/api/room/deals/${id}/private`]) {
        expect((await b.call("GET", p)).headers.get("cache-control")).toBe("no-store");
      }
    });
  });
});
