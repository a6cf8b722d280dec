// The hostile mode journeys use to serve forged events: inject stores whatever it is given and
// serves it like any stored or live event, while events sent over the wire are still checked.
import assert from "node:assert/strict";
import { afterEach, it } from "node:test";
import { finalizeEvent, generateSecretKey, verifyEvent } from "nostr-tools/pure";
import { type HostileRelay, startRelay } from "../src/index.ts";
import { testPort } from "./ports.ts";
import { RawClient } from "./rawClient.ts";

const key = generateSecretKey();
const now = Math.floor(Date.now() / 1000);
const genuine = () =>
  JSON.parse(
    JSON.stringify(
      finalizeEvent(
        {
          kind: 38383,
          created_at: now,
          tags: [
            ["d", "h1"],
            ["k", "buy"],
          ],
          content: "100",
        },
        key,
      ),
    ),
  );

let relay: HostileRelay | undefined;
let client: RawClient | undefined;
afterEach(async () => {
  client?.close();
  await relay?.close();
});

it("serves an injected forged event to stored and live subscriptions that match it", async () => {
  relay = await startRelay({ port: testPort(1), hostile: true });
  client = await RawClient.open(relay.url);
  const real = genuine();
  assert.deepEqual(await client.publish(real), [true, ""]);

  // same id and signature, altered amount: a normal relay refuses it (relay.test.ts)
  const altered = { ...real, content: "1000000" };
  assert.equal(verifyEvent(structuredClone(altered)), false);
  relay.inject(altered);
  assert.deepEqual(await client.subscribe("orders", { kinds: [38383], "#d": ["h1"] }), [altered]);
  assert.deepEqual(await client.subscribe("none", { kinds: [38383], "#d": ["other"] }), []);

  const garbage = { id: "not-an-id", pubkey: "x", created_at: now + 1, kind: 38383, tags: [["d", "h1"]], content: "{", sig: "0" };
  relay.inject(garbage);
  assert.deepEqual(await client.live("orders"), garbage);
  assert.deepEqual(client.pending("none"), []);
});

it("still refuses forged events that arrive over the wire", async () => {
  relay = await startRelay({ port: testPort(1), hostile: true });
  client = await RawClient.open(relay.url);
  const real = genuine();
  assert.deepEqual(await client.publish({ ...real, content: "1000000" }), [false, "invalid: id is wrong"]);
  assert.deepEqual(await client.subscribe("all", { kinds: [38383] }), []);
});

it("has no inject unless started hostile", async () => {
  const normal = await startRelay({ port: testPort(1) });
  try {
    assert.equal("inject" in normal, false);
  } finally {
    await normal.close();
  }
});
