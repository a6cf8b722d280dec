// The relay as clients see it: a real server on loopback, nostr-tools for keys, signatures and
// the pool, and a bare client (rawClient.ts) wherever the exact frames matter.
import assert from "node:assert/strict";
import { after, afterEach, describe, it } from "node:test";
import { SimplePool } from "nostr-tools/pool";
import { type Event, type EventTemplate, finalizeEvent, generateSecretKey, getPublicKey } from "nostr-tools/pure";
import { type RelayLimits, type RunningRelay, startRelay } from "../src/index.ts";
import { testPort } from "./ports.ts";
import { RawClient } from "./rawClient.ts";

const PORT = testPort(0);
const alice = generateSecretKey();
const bob = generateSecretKey();
const now = Math.floor(Date.now() / 1000);
// plain JSON, as it comes back from the relay (finalizeEvent marks its result as verified)
const signed = (template: EventTemplate, key: Uint8Array): Event => JSON.parse(JSON.stringify(finalizeEvent(template, key)));
const note = (key: Uint8Array, fields: Partial<EventTemplate> = {}) =>
  signed({ kind: 1, created_at: now, tags: [], content: "hello", ...fields }, key);

let relay: RunningRelay | undefined;
const clients: RawClient[] = [];
async function fresh(limits?: Partial<RelayLimits>): Promise<RunningRelay> {
  relay = await startRelay({ port: PORT, limits });
  return relay;
}
async function client(): Promise<RawClient> {
  const c = await RawClient.open(relay!.url);
  clients.push(c);
  return c;
}
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await relay?.close();
  relay = undefined;
});

describe("publish and subscribe", () => {
  const pool = new SimplePool();
  after(() => pool.destroy());

  it("delivers a published event live to a subscriber and stores it for later ones", async () => {
    const { url } = await fresh();
    const event = note(alice, { content: "live" });
    let subscribed!: () => void;
    const eose = new Promise<void>((resolve) => (subscribed = resolve));
    const received = new Promise<string>((resolve) => {
      const sub = pool.subscribe(
        [url],
        { kinds: [1], authors: [getPublicKey(alice)] },
        {
          oneose: subscribed,
          onevent: (e) => {
            sub.close();
            resolve(e.id);
          },
        },
      );
    });
    await eose;
    await Promise.all(pool.publish([url], event));
    assert.equal(await received, event.id);

    const stored = await pool.querySync([url], { ids: [event.id] });
    assert.deepEqual(
      stored.map((e) => [e.id, e.content]),
      [[event.id, "live"]],
    );
  });
});

describe("filters (NIP-01)", () => {
  it("serves stored events by #tag and sends a tag subscription only matching live events", async () => {
    await fresh();
    const publisher = await client();
    const reader = await client();
    const tagged = note(alice, {
      tags: [
        ["t", "peerlock"],
        ["p", getPublicKey(bob)],
      ],
      content: "a",
    });
    const other = note(alice, { tags: [["t", "other"]], content: "b" });
    const untagged = note(alice, { content: "c" });
    for (const e of [tagged, other, untagged]) assert.deepEqual(await publisher.publish(e), [true, ""]);

    assert.deepEqual(await reader.subscribe("t", { "#t": ["peerlock"] }), [tagged]);
    assert.deepEqual(
      await reader.subscribe("t2", { "#t": ["peerlock", "other"] }).then((es) => es.map((e) => e.id).sort()),
      [tagged.id, other.id].sort(),
    );
    assert.deepEqual(await reader.subscribe("p", { "#p": [getPublicKey(bob)], "#t": ["other"] }), []);

    const liveOther = note(alice, { tags: [["t", "other"]], content: "live b", created_at: now + 1 });
    const liveTagged = note(alice, { tags: [["t", "peerlock"]], content: "live a", created_at: now + 1 });
    await publisher.publish(liveOther);
    await publisher.publish(liveTagged);
    assert.equal((await reader.live("t")).id, liveTagged.id);
    // liveOther was sent (if at all) before liveTagged on the same socket
    assert.deepEqual(reader.pending("t"), []);
  });

  it("serves stored events by ids, authors, kinds, since, until and limit, newest first", async () => {
    await fresh();
    const c = await client();
    const events = [
      note(alice, { created_at: now - 30, content: "1" }),
      note(alice, { created_at: now - 20, content: "2" }),
      note(bob, { created_at: now - 10, content: "3" }),
      note(alice, { kind: 7, created_at: now, content: "+" }),
    ];
    for (const e of events) await c.publish(e);
    const ids = (list: { id: string }[]) => list.map((e) => e.id);

    assert.deepEqual(ids(await c.subscribe("ids", { ids: [events[1].id, "f".repeat(64)] })), [events[1].id]);
    assert.deepEqual(ids(await c.subscribe("authors", { authors: [getPublicKey(alice)], kinds: [1] })), [events[1].id, events[0].id]);
    assert.deepEqual(ids(await c.subscribe("kinds", { kinds: [7] })), [events[3].id]);
    assert.deepEqual(ids(await c.subscribe("range", { since: now - 20, until: now - 10 })), [events[2].id, events[1].id]);
    assert.deepEqual(ids(await c.subscribe("limit", { kinds: [1], limit: 2 })), [events[2].id, events[1].id]);
    assert.deepEqual(ids(await c.subscribe("or", { kinds: [7] }, { authors: [getPublicKey(bob)] })).sort(), [events[2].id, events[3].id].sort());
  });
});

describe("replaceable and addressable events", () => {
  const order = (key: Uint8Array, d: string, created_at: number, content: string) =>
    signed(
      {
        kind: 38383,
        created_at,
        tags: [
          ["d", d],
          ["s", "pending"],
        ],
        content,
      },
      key,
    );

  it("keeps only the newest kind-38383 event per pubkey and d tag", async () => {
    await fresh();
    const c = await client();
    const first = order(alice, "order-1", now - 10, "v1");
    const second = order(alice, "order-1", now, "v2");
    const older = order(alice, "order-1", now - 20, "v0");
    const otherD = order(alice, "order-2", now - 10, "x");
    const otherAuthor = order(bob, "order-1", now - 10, "y");

    for (const e of [first, second, otherD, otherAuthor]) assert.equal((await c.publish(e))[0], true);
    const [accepted, message] = await c.publish(older);
    assert.equal(accepted, true);
    assert.match(message, /^duplicate:/);

    const stored = await c.subscribe("orders", { kinds: [38383] });
    assert.deepEqual(stored.map((e) => e.content).sort(), ["v2", "x", "y"]);
    assert.deepEqual(await c.subscribe("d", { kinds: [38383], "#d": ["order-1"], authors: [getPublicKey(alice)] }), [second]);
  });

  it("keeps the newest kind-0 metadata per pubkey", async () => {
    await fresh();
    const c = await client();
    await c.publish(note(alice, { kind: 0, created_at: now - 5, content: "{}" }));
    const newer = note(alice, { kind: 0, created_at: now, content: '{"name":"a"}' });
    await c.publish(newer);
    assert.deepEqual(await c.subscribe("meta", { kinds: [0] }), [newer]);
  });
});

describe("bounds", () => {
  it("evicts the oldest arrivals past maxEvents", async () => {
    const r = await fresh({ maxEvents: 3 });
    const c = await client();
    const events = Array.from({ length: 5 }, (_, i) => note(alice, { content: `n${i}`, created_at: now + i }));
    for (const e of events) assert.equal((await c.publish(e))[0], true);
    assert.deepEqual(r.stats().events, 3);
    const stored = await c.subscribe("all", { kinds: [1] });
    assert.deepEqual(
      stored.map((e) => e.content),
      ["n4", "n3", "n2"],
    );
  });

  it("evicts the oldest arrivals past maxTotalBytes", async () => {
    const size = Buffer.byteLength(JSON.stringify(note(alice, { content: "x".repeat(1000) })));
    const r = await fresh({ maxTotalBytes: size * 2 + 10 });
    const c = await client();
    for (let i = 0; i < 4; i++) await c.publish(note(alice, { content: String(i).repeat(1000), created_at: now + i }));
    assert.equal(r.stats().events, 2);
    assert.ok(r.stats().bytes <= size * 2 + 10);
    assert.deepEqual(
      (await c.subscribe("all", { kinds: [1] })).map((e) => e.content[0]),
      ["3", "2"],
    );
  });

  it("refuses an event over maxEventBytes with OK false and stores nothing", async () => {
    const r = await fresh();
    const c = await client();
    const big = note(alice, { content: "x".repeat(70 * 1024) });
    const [accepted, message] = await c.publish(big);
    assert.equal(accepted, false);
    assert.match(message, /^invalid: event is \d+ bytes, the limit is 65536$/);
    assert.equal(r.stats().events, 0);
    assert.deepEqual(await c.subscribe("ids", { ids: [big.id] }), []);
  });

  it("closes a connection that sends a frame over twice maxEventBytes", async () => {
    await fresh({ maxEventBytes: 1024 });
    const c = await client();
    c.send(["EVENT", note(alice, { content: "x".repeat(4096) })]);
    assert.equal(await c.closed, 1009); // "message too big"
  });
});

describe("per connection", () => {
  it("handles one connection's messages in order: a REQ sees the EVENTs sent before it", async () => {
    await fresh();
    const c = await client();
    const events = Array.from({ length: 20 }, (_, i) => note(alice, { content: `e${i}`, created_at: now + i }));
    for (const e of events) c.send(["EVENT", e]);
    const stored = await c.subscribe("all", { kinds: [1] });
    assert.equal(stored.length, 20);
  });

  it("closes a connection whose backlog passes maxQueuedMessagesPerClient", async () => {
    await fresh({ maxQueuedMessagesPerClient: 3 });
    const c = await client();
    const flood = Array.from({ length: 200 }, (_, i) => note(alice, { content: `flood ${i}` }));
    for (const e of flood) c.send(["EVENT", e]);
    assert.equal(await c.closed, 1008);
  });
});

describe("refusals", () => {
  it("refuses an event whose id or signature is wrong", async () => {
    await fresh();
    const c = await client();
    const good = note(alice, { content: "original" });
    const altered = { ...good, content: "altered" };
    assert.deepEqual(await c.publish(altered), [false, "invalid: id is wrong"]);
    const otherSig = note(bob, { content: "original" }).sig;
    assert.deepEqual(await c.publish({ ...good, sig: otherSig }), [false, "invalid: signature is wrong"]);
    assert.deepEqual(await c.subscribe("all", { kinds: [1] }), []);
  });

  it("answers malformed messages with NOTICE or CLOSED and keeps serving", async () => {
    await fresh();
    const c = await client();
    c.send("not json");
    assert.deepEqual(await c.next((m) => m[0] === "NOTICE"), ["NOTICE", "invalid: message is not JSON"]);
    c.send(["EVENT", { ...note(alice), kind: -1 }]);
    assert.match(String((await c.next((m) => m[0] === "OK"))[3]), /^invalid: kind must be/);
    c.send(["REQ", "s", { kinds: "1" }]);
    assert.deepEqual(await c.next((m) => m[0] === "CLOSED"), ["CLOSED", "s", "invalid: kinds must be an array of non-negative integers"]);
    c.send(["REQ", "s", { search: "x" }]);
    assert.match(String((await c.next((m) => m[0] === "CLOSED"))[2]), /unsupported filter field "search"/);
    c.send(["REQ", "s", ...Array.from({ length: 11 }, () => ({}))]);
    assert.match(String((await c.next((m) => m[0] === "CLOSED"))[2]), /at most 10 filters/);
    const good = note(alice);
    assert.deepEqual(await c.publish(good), [true, ""]);
  });

  it("fails with a message naming the fix when the port is taken", async () => {
    await fresh();
    await assert.rejects(startRelay({ port: PORT, portFix: "X_PORT=<port>" }), {
      message: `Port ${PORT} on 127.0.0.1 is already in use, so the Nostr relay cannot start. Stop whatever uses it, or pick another port: X_PORT=<port>`,
    });
  });
});
