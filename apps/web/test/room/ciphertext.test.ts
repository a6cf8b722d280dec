// Private by construction: after a full deal with a dispute (terms, chat, evidence, key wraps),
// a scan of everything the database holds, the PGlite data folder's files and a pg_dump of the
// PostgreSQL database, finds none of the private details, message texts or evidence bytes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { hashDealTerms, hashPrivateDetails, openText, sealedFromText, serializePublicTerms } from "@peerlock/sdk";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Backend, backendNames, createBackend } from "../shared/backends";
import { type NextServer, serverTestEnv, startNext } from "../shared/nextServer";
import { arbiter, buyer, dispute, markPaid, openDeal, rpcUrl, seller, takeDeal } from "./chain";
import { dealContext, RoomClient, sealFor } from "./client";

const PUBLIC = serializePublicTerms({ pricePerUnit: "1.05", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "", maxFiat: "", notes: "" });
const PRIVATE = "IBAN NL91 ABNA 0417 1643 00 · Secret Holder Marker-7f3a";
const MESSAGES = ["Transfer sent with reference Marker-b21c", "Nothing arrived here Marker-c9d4", "Disputing: Marker-e5f6"];
/** Evidence bytes a scan would spot: a PNG header and a run no sealed output contains by chance. */
const EVIDENCE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode("EvidenceMarker-0d1e2f3a4b5c6d7e")]);
const TERMS_HASH = hashDealTerms(PUBLIC, PRIVATE);

/** SERVER_TEST_WEB_PORT + 5 and + 6 (production.test.ts uses + 0 to + 2, instances.test.ts + 3 and + 4). */
const webPort = Number(process.env.SERVER_TEST_WEB_PORT ?? 8640) + 5;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every needle (as UTF-8 or raw bytes) found in `haystack`. */
function found(haystack: Buffer, needles: (string | Uint8Array)[]): string[] {
  return needles.filter((n) => haystack.includes(typeof n === "string" ? Buffer.from(n, "utf8") : Buffer.from(n))).map(String);
}

for (const [index, name] of backendNames.entries()) {
  describe(`the database holds no private plaintext (${name})`, () => {
    const base = `http://127.0.0.1:${webPort + index}`;
    let server: NextServer | undefined;
    let backend: Backend;
    const start = () =>
      startNext(webPort + index, {
        ...serverTestEnv(backend.env, base, rpcUrl),
        ROOM_DEAL_ESCROW: inject("dealEscrow"),
      });

    beforeAll(async () => {
      process.env.ROOM_DEAL_ESCROW = inject("dealEscrow");
      backend = await createBackend(name, "pl-sealed");
      server = await start();
    });
    afterAll(async () => {
      await server?.stop();
      await backend?.drop();
    });

    it("runs a deal through a dispute, every reader reads, then finds no plaintext in any file or dump", async () => {
      const [s, b, a] = [new RoomClient(base, seller), new RoomClient(base, buyer), new RoomClient(base, arbiter)];
      for (const u of [s, b, a]) {
        expect((await u.signIn()).status).toBe(200);
        expect((await u.publishRoomKey()).status).toBe(201);
      }
      const id = await openDeal(TERMS_HASH);
      const terms = { publicTerms: PUBLIC, privateDetailsHash: hashPrivateDetails(PRIVATE), sealedDetails: sealFor(id, PRIVATE, "details") };
      expect((await s.call("POST", `/api/room/deals/${id}/terms`, terms)).status).toBe(201);
      expect((await s.wrapFor(id, [seller.address])).status).toBe(201);
      await takeDeal(id);
      expect((await s.wrapFor(id, [buyer.address])).status).toBe(201);
      const evidence = await b.upload(id, EVIDENCE, "bank-statement-Marker-aa11.png");
      expect(evidence.status).toBe(201);
      expect((await b.post(id, MESSAGES[0]!, { evidence: evidence.body.evidence.hash })).status).toBe(201);
      expect((await s.post(id, MESSAGES[1]!)).status).toBe(201);
      await markPaid(id);
      await dispute(id);
      expect((await s.post(id, MESSAGES[2]!)).status).toBe(201);
      expect((await s.wrapFor(id, [arbiter.address])).status).toBe(201);

      // Each reader opens the details and the whole conversation with the key from their own wrap.
      for (const reader of [b, a]) {
        const key = await reader.openDealKey(id);
        const details = (await reader.call("GET", `/api/room/deals/${id}/private`)).body.sealedDetails;
        expect(openText(key, sealedFromText(details), dealContext(id), "details")).toBe(PRIVATE);
        const listed = (await reader.call("GET", `/api/room/deals/${id}/messages`)).body.messages as { body: string }[];
        expect(listed.map((m) => openText(key, sealedFromText(m.body), dealContext(id), "message"))).toEqual(MESSAGES);
      }

      const needles = [PRIVATE, "Secret Holder", ...MESSAGES, ...MESSAGES.map((m) => m.slice(-11)), EVIDENCE.subarray(8), "bank-statement"];
      // A control: the same scan does find what the database does hold in plain text.
      const controls = [PUBLIC];
      if (name === "PGlite") {
        await server!.stop(); // flush and close the folder
        server = undefined;
        const files = filesUnder(backend.location);
        expect(files.length).toBeGreaterThan(0);
        const all = Buffer.concat(files.map((f) => readFileSync(f)));
        expect(found(all, controls)).toEqual(controls);
        expect(found(all, needles)).toEqual([]);
      } else {
        const dump = execFileSync("pg_dump", ["--data-only", "--dbname", backend.location], { maxBuffer: 256 * 1024 * 1024 });
        expect(found(dump, controls)).toEqual(controls);
        // bytea columns are dumped as hex: look for the evidence bytes that way too.
        expect(found(dump, [...needles, Buffer.from(EVIDENCE.subarray(8)).toString("hex")])).toEqual([]);
      }
    });
  });
}
