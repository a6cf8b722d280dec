import assert from "node:assert/strict";
import { test } from "node:test";
import {
  bookEntryWireSchema,
  bookPageWireSchema,
  encodeBookEntry,
  encodeOrderLink,
  encodeSignedOrder,
  hashOrder,
  signedOrderWireSchema,
  signOrder,
  type SignedOrder,
} from "@peerlock/sdk";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";

const maker = privateKeyToAccount(generatePrivateKey());
const venue = { chainId: 31337, verifyingContract: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512" } as const;
const order: SignedOrder = {
  maker: maker.address,
  taker: "0x0000000000000000000000000000000000000000",
  sellToken: "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
  sellAmount: (1n << 255n) + 1n,
  buyToken: "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9",
  buyAmount: 3_100_000_000n,
  expiry: (1n << 64n) - 1n,
  nonce: (1n << 256n) - 1n,
  partialFills: true,
};

test("a signed order survives JSON through its codec, bit for bit", async () => {
  const signed = await signOrder(maker, order, venue);
  const decoded = signedOrderWireSchema.parse(JSON.parse(JSON.stringify(encodeSignedOrder(signed))));
  assert.deepEqual(decoded, { ...signed, signature: signed.signature.toLowerCase() });
  assert.equal(hashOrder(decoded.order, decoded), hashOrder(order, venue));
});

test("the codec refuses what no SignedSwap accepts, in words", async () => {
  const wire = encodeSignedOrder(await signOrder(maker, order, venue));
  const error = (patch: (w: typeof wire) => unknown) => {
    const result = signedOrderWireSchema.safeParse(patch(structuredClone(wire)));
    assert.equal(result.success, false);
    return result.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  };
  assert.match(
    error((w) => ({ ...w, order: { ...w.order, sellAmount: "0" } })),
    /order\.sellAmount/,
  );
  assert.match(
    error((w) => ({ ...w, order: { ...w.order, nonce: (1n << 256n).toString() } })),
    /does not fit in a uint256/,
  );
  assert.match(
    error((w) => ({ ...w, order: { ...w.order, expiry: (1n << 64n).toString() } })),
    /uint64/,
  );
  assert.match(
    error((w) => ({ ...w, order: { ...w.order, buyAmount: "01" } })),
    /decimal string/,
  );
  assert.match(
    error((w) => ({ ...w, order: { ...w.order, maker: "0xcF7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9" } })),
    /checksum/,
  );
  assert.match(
    error((w) => ({ ...w, signature: "0x123" })),
    /signature/,
  );
  assert.match(
    error((w) => ({ ...w, extra: true })),
    /Unrecognized key/,
  );
  assert.match(
    error((w) => ({ ...w, chainId: 0 })),
    /chainId/,
  );
});

test("a book entry carries its signed order through the same codec", async () => {
  const signed = await signOrder(maker, order, venue);
  const entry = {
    orderHash: hashOrder(order, venue),
    signed: { ...signed, signature: signed.signature.toLowerCase() as `0x${string}` },
    status: "unfillable" as const,
    unfillableReason: "MakerBalanceLow",
    filledAmount: 5n,
    remaining: order.sellAmount - 5n,
    link: encodeOrderLink(signed),
    createdAt: new Date("2026-11-29T12:00:00.000Z"),
    updatedAt: new Date("2026-11-29T12:01:00.000Z"),
  };
  const page = bookPageWireSchema.parse(JSON.parse(JSON.stringify({ orders: [encodeBookEntry(entry)], nextCursor: null })));
  assert.deepEqual(page.orders[0], entry);
  const bad = bookEntryWireSchema.safeParse({ ...encodeBookEntry(entry), order: { ...encodeBookEntry(entry).order, buyAmount: "0" } });
  assert.equal(bad.success, false);
});
