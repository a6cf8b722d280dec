// The store's own rules (reading, dedup, bounds, re-checks). The chain is not in these tests:
// `verify` is a table the test controls; journeys 14-16 run the real check against a node.
import {
  encodeOrderLink,
  hashOrder,
  isSignedByMakerKey,
  type NostrEvent,
  orderEventTemplate,
  type SignedOrder,
  type SignedOrderWithSignature,
  signOrder,
} from "@peerlock/sdk";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { beforeAll, describe, expect, it } from "vitest";
import { RelayOrderStore, type Verdict } from "./relayOrderStore";

const maker = privateKeyToAccount("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
const venue = { chainId: 31337, verifyingContract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" } as const;
const nostrKey = generateSecretKey();
const R1 = "ws://relay-one.test";
const R2 = "ws://relay-two.test";

const orderOf = (nonce: bigint, over: Partial<SignedOrder> = {}): SignedOrder => ({
  maker: maker.address,
  taker: "0x0000000000000000000000000000000000000000",
  sellToken: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  sellAmount: 10n ** 18n,
  buyToken: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  buyAmount: 2_500n * 10n ** 6n,
  expiry: 0n,
  nonce,
  partialFills: true,
  ...over,
});

const eventOf = (signed: SignedOrderWithSignature, opts: { status?: "pending" | "canceled"; createdAt?: number } = {}): NostrEvent =>
  finalizeEvent(orderEventTemplate(signed, { createdAt: 1_700_000_000, ...opts }), nostrKey) as NostrEvent;

/** A stand-in for the chain: real signature recovery, and per-hash verdicts the test sets. */
function fakeChain() {
  const verdicts = new Map<Hex, Verdict>();
  const calls: number[] = [];
  let pending: (() => void)[] | undefined;
  const verify = async (orders: readonly SignedOrderWithSignature[]) => {
    calls.push(orders.length);
    if (pending) await new Promise<void>((resolve) => pending!.push(resolve));
    return Promise.all(
      orders.map(async (signed): Promise<Verdict> => {
        if (!(await isSignedByMakerKey(signed))) return { ok: false, final: true, reason: "bad signature" };
        return verdicts.get(hashOrder(signed.order, signed)) ?? { ok: true, remaining: signed.order.sellAmount };
      }),
    );
  };
  return {
    verdicts,
    calls,
    verify,
    hold: () => (pending = []),
    release: () => {
      const waiting = pending ?? [];
      pending = undefined;
      waiting.forEach((r) => r());
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 80));

let genuine: SignedOrderWithSignature;
let other: SignedOrderWithSignature;
beforeAll(async () => {
  genuine = await signOrder(maker, orderOf(1n), venue);
  other = await signOrder(maker, orderOf(2n), venue);
});

describe("RelayOrderStore", () => {
  it("shows a genuine order once its check passes, with the relays that carried it", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    const event = eventOf(genuine);
    expect(store.add(event, R1)).toBeUndefined();
    expect(store.shown()).toEqual([]); // not before the check
    await settle();
    store.seen(event.id, R2);
    const [shown] = store.shown();
    expect(shown?.orderHash).toBe(hashOrder(genuine.order, genuine));
    expect(shown?.relays).toEqual([R1, R2]);
    expect(shown?.remaining).toBe(genuine.order.sellAmount);
    expect(shown?.link).toBe(encodeOrderLink(genuine));
  });

  it("never shows an order with a bad signature, and it does not shadow the genuine event of the same hash", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    const forged = { ...genuine, signature: other.signature };
    store.add(eventOf(forged), R1);
    await settle();
    expect(store.shown()).toEqual([]);
    expect(store.add(eventOf(forged, { createdAt: 1_700_000_001 }), R2)).toBe("already rejected");
    store.add(eventOf(genuine), R2);
    await settle();
    expect(store.shown().map((o) => o.signed.signature)).toEqual([genuine.signature]);
  });

  it("refuses events whose tags or content were altered (the SDK's reader), and other chains or contracts", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    const template = orderEventTemplate(genuine, { createdAt: 1_700_000_000 });
    const tags = template.tags.map((t) => (t[0] === "amt" ? ["amt", "1"] : t));
    expect(store.add(finalizeEvent({ ...template, tags }, nostrKey) as NostrEvent, R1)).toMatch(/"amt" tag disagrees/);
    const content = template.content.replace(`"buyAmount":"${genuine.order.buyAmount}"`, '"buyAmount":"1"');
    expect(content).not.toBe(template.content);
    // the content now hashes to another order than its d tag
    expect(store.add(finalizeEvent({ ...template, content }, nostrKey) as NostrEvent, R1)).toMatch(/tag disagrees/);
    const elsewhere = await signOrder(maker, orderOf(3n), { ...venue, chainId: 1 });
    expect(store.add(eventOf(elsewhere), R1)).toBe("another chain or contract");
    await settle();
    expect(chain.calls).toEqual([]);
  });

  it("hides a shown order when a re-check finds it filled or cancelled, and forgets it for good", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    store.add(eventOf(genuine), R1);
    await settle();
    expect(store.shown()).toHaveLength(1);
    chain.verdicts.set(hashOrder(genuine.order, genuine), { ok: false, final: true, reason: "Already filled or cancelled." });
    store.recheckAll();
    await settle();
    expect(store.shown()).toEqual([]);
    // a replay of the same order as "pending" is not even checked again
    expect(store.add(eventOf(genuine, { createdAt: 1_700_000_100 }), R2)).toBe("already rejected");
  });

  it("takes a 'canceled' status as a reason to ask the chain at once, not as the truth", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    store.add(eventOf(genuine), R1);
    await settle();
    // anyone may publish "canceled" for any order: the chain still says it fills
    store.add(eventOf(genuine, { status: "canceled", createdAt: 1_700_000_050 }), R2);
    await settle();
    expect(chain.calls).toEqual([1, 1]);
    expect(store.shown()).toHaveLength(1);
    // once the chain agrees, it goes
    chain.verdicts.set(hashOrder(genuine.order, genuine), { ok: false, final: true, reason: "cancelled" });
    store.add(eventOf(genuine, { status: "canceled", createdAt: 1_700_000_060 }), R1);
    await settle();
    expect(store.shown()).toEqual([]);
  });

  it("keeps an order the maker cannot cover yet, and shows it once a re-check passes", async () => {
    const chain = fakeChain();
    const hash = hashOrder(genuine.order, genuine);
    chain.verdicts.set(hash, { ok: false, final: false, reason: "The maker's balance is low." });
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    store.add(eventOf(genuine), R1);
    await settle();
    expect(store.shown()).toEqual([]);
    chain.verdicts.delete(hash);
    // the frequent round looks at shown orders only
    store.recheckAll({ waiting: false });
    await settle();
    expect(store.shown()).toEqual([]);
    store.recheckAll();
    await settle();
    expect(store.shown()).toHaveLength(1);
  });

  it("dedups one order carried by many relays and many events into one row", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    store.add(eventOf(genuine), R1);
    store.add(eventOf(genuine, { createdAt: 1_700_000_001 }), R2);
    await settle();
    expect(store.shown()).toHaveLength(1);
    expect(store.shown()[0]?.relays).toEqual([R1, R2]);
    expect(store.shown()[0]?.createdAt).toBe(1_700_000_001);
  });

  it("checks in bounded batches with bounded concurrency, and drops what is past its queue", async () => {
    const chain = fakeChain();
    chain.hold();
    const store = new RelayOrderStore({
      ...venue,
      contract: venue.verifyingContract,
      verify: chain.verify,
      batchSize: 3,
      concurrency: 2,
      maxQueued: 8,
      maxOrders: 100,
    });
    const signed = await Promise.all(Array.from({ length: 12 }, (_, i) => signOrder(maker, orderOf(100n + BigInt(i)), venue)));
    const reasons = signed.map((s) => store.add(eventOf(s), R1));
    await settle();
    // 8 taken, 4 dropped; 2 batches of 3 in flight, 2 still queued
    expect(reasons.filter((r) => r === "over the store's bounds")).toHaveLength(4);
    expect(chain.calls).toEqual([3, 3]);
    expect(store.stats()).toMatchObject({ inFlight: 2, queued: 2, dropped: 4 });
    chain.release();
    await settle();
    expect(chain.calls).toEqual([3, 3, 2]);
    expect(store.shown()).toHaveLength(8);
  });

  it("never holds more than maxOrders candidates, and never evicts a shown one for a newcomer", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify, maxOrders: 3 });
    const signed = await Promise.all(Array.from({ length: 5 }, (_, i) => signOrder(maker, orderOf(200n + BigInt(i)), venue)));
    for (const s of signed) store.add(eventOf(s), R1);
    await settle();
    expect(store.stats().candidates).toBe(3);
    expect(store.shown().map((o) => o.signed.order.nonce)).toEqual([200n, 201n, 202n]);
    // one goes unfillable for now: a newcomer may take its place
    chain.verdicts.set(hashOrder(signed[0]!.order, venue), { ok: false, final: false, reason: "low balance" });
    store.recheckAll();
    await settle();
    store.add(eventOf(signed[4]!), R1);
    await settle();
    expect(store.shown().map((o) => o.signed.order.nonce)).toEqual([201n, 202n, 204n]);
  });

  it("keeps showing what it showed when the node cannot be asked", async () => {
    const chain = fakeChain();
    let down = false;
    const store = new RelayOrderStore({
      ...venue,
      contract: venue.verifyingContract,
      verify: (orders) => (down ? Promise.reject(new Error("node down")) : chain.verify(orders)),
    });
    store.add(eventOf(genuine), R1);
    await settle();
    down = true;
    store.recheckAll();
    store.add(eventOf(other), R1);
    await settle();
    expect(store.shown().map((o) => o.signed.order.nonce)).toEqual([1n]);
    down = false;
    store.recheckAll();
    await settle();
    expect(store.shown().map((o) => o.signed.order.nonce)).toEqual([1n, 2n]);
  });

  it("leaves out expired orders without a chain read", async () => {
    const chain = fakeChain();
    const store = new RelayOrderStore({ ...venue, contract: venue.verifyingContract, verify: chain.verify });
    store.add(eventOf(await signOrder(maker, orderOf(9n, { expiry: 1_000n }), venue)), R1);
    await settle();
    expect(store.shown(999n)).toHaveLength(1);
    expect(store.shown(1_000n)).toEqual([]);
  });
});
