import assert from "node:assert/strict";
import { test } from "node:test";
import {
  encodeSignedOrder,
  hashOrder,
  isSignedByMakerKey,
  ORDER_EVENT_KIND,
  orderEventTemplate,
  orderFilter,
  readOrderEvent,
  signOrder,
  type SignedOrder,
} from "@peerlock/sdk";
import { finalizeEvent, generateSecretKey, verifyEvent } from "nostr-tools/pure";
import { matchFilter } from "nostr-tools/filter";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const maker = privateKeyToAccount(generatePrivateKey());
const venue = { chainId: 31337, verifyingContract: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" } as const;
const order: SignedOrder = {
  maker: maker.address,
  taker: "0x0000000000000000000000000000000000000000",
  sellToken: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  sellAmount: 1_500_000_000_000_000_000n,
  buyToken: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  buyAmount: 3_100_000_000n,
  expiry: 1_900_000_000n,
  nonce: 7n,
  partialFills: true,
};
const nostrKey = generateSecretKey();
const tag = (tags: string[][], name: string) => tags.find((t) => t[0] === name);

test("a signed offer is a NIP-69 order event whose tags restate the order", async () => {
  const signed = await signOrder(maker, order, venue);
  const template = orderEventTemplate(signed, { createdAt: 1_800_000_000, source: "https://peerlock.example/offers/signed#o=abc" });
  assert.equal(template.kind, ORDER_EVENT_KIND);
  assert.equal(template.kind, 38383);
  const expect: Record<string, string> = {
    d: hashOrder(order, venue),
    k: "sell",
    f: order.buyToken.toLowerCase(),
    s: "pending",
    amt: "1500000000000000000",
    fa: "3100000000",
    pm: "peerlock-signed-swap",
    premium: "0",
    network: "eip155:31337",
    layer: "onchain",
    expiration: "1900000000",
    y: "peerlock",
    z: "order",
    sell_token: order.sellToken.toLowerCase(),
    contract: venue.verifyingContract.toLowerCase(),
    maker: maker.address.toLowerCase(),
    source: "https://peerlock.example/offers/signed#o=abc",
  };
  for (const [name, value] of Object.entries(expect)) assert.deepEqual(tag(template.tags, name), [name, value], name);
  assert.deepEqual(JSON.parse(template.content), encodeSignedOrder(signed));
  const event = finalizeEvent(template, nostrKey);
  assert.ok(verifyEvent(event));
  assert.ok(matchFilter(orderFilter(), event), "the subscription filter matches it");
  const read = readOrderEvent(event);
  assert.ok(read.ok);
  assert.equal(read.hash, hashOrder(order, venue));
  assert.deepEqual(read.signed, { ...signed, signature: signed.signature.toLowerCase() });
  assert.equal(read.status, "pending");
  assert.ok(await isSignedByMakerKey(read.signed));
});

test("an order without expiry in range has no NIP-40 expiration; statuses are NIP-69's", async () => {
  const signed = await signOrder(maker, { ...order, expiry: (1n << 64n) - 1n }, venue);
  const template = orderEventTemplate(signed, { status: "canceled" });
  assert.equal(tag(template.tags, "expiration"), undefined);
  const read = readOrderEvent(template);
  assert.ok(read.ok);
  assert.equal(read.status, "canceled");
  const unknown = { ...template, tags: template.tags.map((t) => (t[0] === "s" ? ["s", "open"] : t)) };
  assert.deepEqual(readOrderEvent(unknown), { ok: false, reason: "The order's status tag is missing or unknown." });
});

test("an event whose tags or content were altered is refused, in words", async () => {
  const signed = await signOrder(maker, order, venue);
  const template = orderEventTemplate(signed);
  const withTag = (name: string, value: string) => ({ ...template, tags: template.tags.map((t) => (t[0] === name ? [name, value] : t)) });
  for (const [name, value] of [
    ["d", "0x" + "11".repeat(32)],
    ["amt", "1"],
    ["fa", "999"],
    ["f", order.sellToken.toLowerCase()],
    ["network", "eip155:1"],
    ["maker", "0x" + "22".repeat(20)],
    ["contract", "0x" + "33".repeat(20)],
    ["expiration", "1"],
  ]) {
    const read = readOrderEvent(withTag(name, value));
    assert.equal(read.ok, false, name);
    assert.match((read as { reason: string }).reason, new RegExp(`"${name}" tag disagrees`));
  }
  // Amounts changed in the content: the tags (and the order hash) no longer match.
  const wire = encodeSignedOrder(signed);
  const altered = { ...template, content: JSON.stringify({ ...wire, order: { ...wire.order, buyAmount: "1" } }) };
  assert.deepEqual(readOrderEvent(altered), { ok: false, reason: `The order's "d" tag disagrees with the signed order.` });
  assert.equal(readOrderEvent({ ...template, kind: 1 }).ok, false);
  assert.equal(readOrderEvent({ ...template, content: "not json" }).ok, false);
  assert.equal(readOrderEvent({ ...template, content: "x".repeat(9_000) }).ok, false);
  assert.equal(readOrderEvent({ ...template, tags: template.tags.filter((t) => t[0] !== "y") }).ok, false);
  const notOrder = readOrderEvent({ ...template, content: JSON.stringify({ ...wire, order: { ...wire.order, sellAmount: "0" } }) });
  assert.equal(notOrder.ok, false);
});

test("a signature by anyone but the maker is told apart (and an altered order with it)", async () => {
  const other = privateKeyToAccount(generatePrivateKey());
  const forged = { ...(await signOrder(other, order, venue)) };
  const read = readOrderEvent(orderEventTemplate(forged));
  assert.ok(read.ok, "the event is well formed");
  assert.equal(await isSignedByMakerKey(read.signed), false);
  const signed = await signOrder(maker, order, venue);
  assert.equal(await isSignedByMakerKey({ ...signed, order: { ...order, buyAmount: 1n } }), false);
  assert.equal(await isSignedByMakerKey({ ...signed, signature: "0x1234" }), false);
});
