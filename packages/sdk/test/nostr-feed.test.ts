// RelayFeed against real relays on loopback (@peerlock/relay): one event however many relays
// carry it, a relay that is down does not stop the others, and a flooding relay is cut off.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { RelayFeed, type NostrEvent, type RelayState } from "@peerlock/sdk";
import { startRelay } from "@peerlock/relay";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";

const BASE = Number(process.env.SDK_TEST_RELAY_PORT ?? 8670);
const key = generateSecretKey();
const feeds: RelayFeed[] = [];
after(() => feeds.forEach((f) => f.close()));

const note = (text: string, tag = "peerlock-test") =>
  finalizeEvent({ kind: 1, created_at: Math.floor(Date.now() / 1000), tags: [["t", tag]], content: text }, key) as NostrEvent;

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function collect(feed: RelayFeed, tag = "peerlock-test") {
  const events: { event: NostrEvent; url: string }[] = [];
  const seen: { id: string; url: string }[] = [];
  feed.subscribe([{ kinds: [1], "#t": [tag] }], {
    onevent: (event, url) => events.push({ event, url }),
    onseen: (id, url) => seen.push({ id, url }),
  });
  return { events, seen };
}

const stateOf = (feed: RelayFeed, url: string): RelayState | undefined => feed.states().find((s) => s.url === url);

test("publishes to every relay and delivers each event once, naming every relay that had it", async () => {
  const a = await startRelay({ port: BASE });
  const b = await startRelay({ port: BASE + 1 });
  try {
    const writer = new RelayFeed([a.url, b.url]);
    const reader = new RelayFeed([a.url, `${b.url}/`]);
    feeds.push(writer, reader);
    assert.equal(reader.states().length, 2, "one relay however its address is written");
    await until("both relays open", () => writer.states().every((s) => s.status === "open"));
    const event = note("hello");
    const results = await writer.publish(event);
    assert.deepEqual(
      results.map((r) => r.ok),
      [true, true],
    );
    const got = collect(reader);
    await until("the event and its second relay", () => got.events.length === 1 && got.seen.length === 1);
    assert.equal(got.events[0].event.id, event.id);
    assert.deepEqual(reader.seenOn(event.id).sort(), [a.url, b.url].sort());
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(got.events.length, 1, "never delivered twice");
  } finally {
    await a.close();
    await b.close();
  }
});

test("a relay that is down is retried while the other serves, and joins when it comes up", async () => {
  const up = await startRelay({ port: BASE + 2 });
  const downUrl = `ws://127.0.0.1:${BASE + 3}`;
  const reader = new RelayFeed([up.url, downUrl], { connectTimeoutMs: 1_000 });
  feeds.push(reader);
  const got = collect(reader, "retry");
  let late: Awaited<ReturnType<typeof startRelay>> | undefined;
  try {
    await until("the down relay retrying", () => stateOf(reader, downUrl)?.status === "retrying");
    const writer = new RelayFeed([up.url]);
    feeds.push(writer);
    await until("writer open", () => writer.states()[0].status === "open");
    const first = note("through the live relay", "retry");
    assert.equal((await writer.publish(first))[0].ok, true);
    await until("delivery through the live relay", () => got.events.find((e) => e.event.id === first.id));
    const [result] = (await reader.publish(note("x", "retry"))).filter((r) => r.url === downUrl);
    assert.equal(result.ok, false);
    late = await startRelay({ port: BASE + 3 });
    await until("the late relay open", () => stateOf(reader, downUrl)?.status === "open", 10_000);
    const direct = new RelayFeed([late.url]);
    feeds.push(direct);
    await until("direct open", () => direct.states()[0].status === "open");
    const second = note("through the late relay", "retry");
    await direct.publish(second);
    await until("delivery through the late relay", () => got.events.find((e) => e.event.id === second.id && e.url === late!.url));
  } finally {
    await up.close();
    await late?.close();
  }
});

test("a relay that floods is cut off and the other keeps serving", async () => {
  const honest = await startRelay({ port: BASE + 4 });
  const flood = await startRelay({ port: BASE + 5, hostile: true });
  try {
    const states: RelayState[][] = [];
    const reader = new RelayFeed([honest.url, flood.url], { limits: { eventsPerWindow: 50 }, onstate: (s) => states.push(s) });
    feeds.push(reader);
    const got = collect(reader, "flood");
    await until("both open", () => reader.states().every((s) => s.status === "open"));
    for (let i = 0; i < 120; i++) flood.inject(note(`spam ${i}`, "flood"));
    const cut = await until("the flood relay cut off", () =>
      stateOf(reader, flood.url)?.status === "cut-off" ? stateOf(reader, flood.url) : undefined,
    );
    assert.match(cut.reason ?? "", /Cut off: it sent more than 50 events in 60 s\./);
    assert.ok(got.events.length <= 50, `at most the budget got through (${got.events.length})`);
    const writer = new RelayFeed([honest.url]);
    feeds.push(writer);
    await until("writer open", () => writer.states()[0].status === "open");
    const good = note("still here", "flood");
    await writer.publish(good);
    await until("the honest relay still serves", () => got.events.find((e) => e.event.id === good.id));
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(stateOf(reader, flood.url)?.status, "cut-off", "not reconnected");
  } finally {
    await honest.close();
    await flood.close();
  }
});

test("forged events are never delivered, and too many of them cut the relay off", async () => {
  const hostile = await startRelay({ port: BASE + 6, hostile: true });
  try {
    const reader = new RelayFeed([hostile.url], { limits: { invalidPerWindow: 5 } });
    feeds.push(reader);
    const got = collect(reader, "forged");
    await until("open", () => reader.states()[0].status === "open");
    const genuine = note("genuine", "forged");
    hostile.inject(genuine);
    await until("the genuine event", () => got.events.length === 1);
    for (let i = 0; i < 3; i++) hostile.inject({ ...note(`original ${i}`, "forged"), content: `altered ${i}` });
    hostile.inject({ ...note("huge", "forged"), content: "x".repeat(70_000) });
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      got.events.map((e) => e.event.id),
      [genuine.id],
      "only the genuine event",
    );
    assert.equal(reader.states()[0].status, "open", "under the invalid budget");
    for (let i = 0; i < 5; i++) hostile.inject({ ...note(`again ${i}`, "forged"), sig: "00".repeat(64) });
    await until("cut off for invalid events", () => reader.states()[0].status === "cut-off");
    assert.match(reader.states()[0].reason ?? "", /invalid events/);
  } finally {
    await hostile.close();
  }
});

test('verify "id" refuses a body under another event\'s id, and costs no Schnorr check', async () => {
  const hostile = await startRelay({ port: BASE + 6, hostile: true });
  try {
    const reader = new RelayFeed([hostile.url], { verify: "id" });
    feeds.push(reader);
    const got = collect(reader, "ids");
    await until("open", () => reader.states()[0].status === "open");
    const genuine = note("genuine", "ids");
    hostile.inject({ ...genuine, content: "a different body under the genuine id" });
    const unsigned = { ...note("signature not checked in this mode", "ids"), sig: "00".repeat(64) };
    hostile.inject(unsigned);
    await until("the event with its own id", () => got.events.length === 1);
    assert.equal(got.events[0].event.id, unsigned.id);
    hostile.inject(genuine);
    await until("the genuine event, not shadowed", () => got.events.length === 2);
    assert.equal(got.events[1].event.content, "genuine");
  } finally {
    await hostile.close();
  }
});
