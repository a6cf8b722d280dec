// The signed-offer helpers without a chain: EIP-712 types, hashing and signing, nonce
// arithmetic, share links and check results. contracts/test/ts/sdk-signed.test.ts checks the
// same helpers against a deployed SignedSwap.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { getAddress, recoverTypedDataAddress, toFunctionSelector, zeroAddress, type Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import {
  decodeCheckResult,
  decodeOrderLink,
  encodeOrderLink,
  firstUnusedInWord,
  hashOrder,
  invalidationsBelow,
  isNonceSetInWord,
  noncePosition,
  OrderLinkError,
  orderTypeString,
  orderTypedData,
  signedSwapDomain,
  signOrder,
  type SignedOrder,
  type SignedOrderWithSignature,
} from "@peerlock/sdk";

const account = privateKeyToAccount("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
const venue = { chainId: 31337, verifyingContract: getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3") };

const order: SignedOrder = {
  maker: account.address,
  taker: zeroAddress,
  sellToken: getAddress("0x00000000000000000000000000000000000000a1"),
  sellAmount: 100n * 10n ** 18n,
  buyToken: getAddress("0x00000000000000000000000000000000000000b2"),
  buyAmount: 250n * 10n ** 6n,
  expiry: 1_900_000_000n,
  nonce: 3n,
  partialFills: true,
};

describe("EIP-712", () => {
  test("the type string is SPEC's, exactly", () => {
    assert.equal(
      orderTypeString,
      "Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)",
    );
    assert.deepEqual(signedSwapDomain, { name: "Peerlock", version: "1" });
  });

  test("signOrder signs what hashOrder hashes, and the signer recovers", async () => {
    const signed = await signOrder(account, order, venue);
    assert.equal(signed.chainId, venue.chainId);
    assert.equal(await recoverTypedDataAddress({ ...orderTypedData(order, venue), signature: signed.signature }), account.address);
    // the digest changes with the chain and the contract
    const digest = hashOrder(order, venue);
    assert.notEqual(hashOrder(order, { ...venue, chainId: 1 }), digest);
    assert.notEqual(hashOrder(order, { ...venue, verifyingContract: order.sellToken }), digest);
    assert.notEqual(hashOrder({ ...order, nonce: 4n }, venue), digest);
  });
});

describe("nonces", () => {
  test("word and bit of a nonce", () => {
    assert.deepEqual(noncePosition(0n), { wordPos: 0n, bit: 1n });
    assert.deepEqual(noncePosition(255n), { wordPos: 0n, bit: 1n << 255n });
    assert.deepEqual(noncePosition(256n + 3n), { wordPos: 1n, bit: 8n });
    assert.throws(() => noncePosition(-1n), RangeError);
    assert.equal(isNonceSetInWord(0b1010n, 1n), true);
    assert.equal(isNonceSetInWord(0b1010n, 2n), false);
  });

  test("the first unused nonce of a word, from a starting point", () => {
    assert.equal(firstUnusedInWord(0n, 0n), 0n);
    assert.equal(firstUnusedInWord(0b0111n, 0n), 3n);
    assert.equal(firstUnusedInWord(0b0111n, 5n), 5n);
    assert.equal(firstUnusedInWord(0b0111n, 256n + 1n), 256n + 3n, "the word is the one holding `from`");
    assert.equal(firstUnusedInWord((1n << 256n) - 1n, 0n), undefined);
  });

  test("invalidations below a nonce: whole words, then the low bits of the last", () => {
    assert.deepEqual(invalidationsBelow(0n), []);
    assert.deepEqual(invalidationsBelow(3n), [{ wordPos: 0n, mask: 0b111n }]);
    assert.deepEqual(invalidationsBelow(256n), [{ wordPos: 0n, mask: (1n << 256n) - 1n }]);
    assert.deepEqual(invalidationsBelow(258n), [
      { wordPos: 0n, mask: (1n << 256n) - 1n },
      { wordPos: 1n, mask: 0b11n },
    ]);
  });
});

describe("share links", () => {
  test("round-trip an order, its venue and its signature, URL-safe and compact", async () => {
    const signed = await signOrder(account, order, venue);
    const link = encodeOrderLink(signed);
    assert.match(link, /^[A-Za-z0-9_-]+$/);
    assert.ok(link.length < 300, `link is ${link.length} characters`);
    assert.deepEqual(decodeOrderLink(link), signed);
  });

  test("round-trip the extremes: max amounts and nonce, no expiry, a long EIP-1271 signature", () => {
    const max = (1n << 256n) - 1n;
    const signed: SignedOrderWithSignature = {
      ...venue,
      chainId: 8453,
      order: { ...order, sellAmount: max, buyAmount: 1n, nonce: max, expiry: (1n << 64n) - 1n, partialFills: false, taker: order.sellToken },
      signature: `0x${"ab".repeat(200)}` as Hex,
    };
    assert.deepEqual(decodeOrderLink(encodeOrderLink(signed)), signed);
    assert.throws(() => encodeOrderLink({ ...signed, order: { ...signed.order, expiry: 1n << 64n } }), RangeError);
  });

  test("refuses damaged, cut, padded and foreign links with a plain message", async () => {
    const link = encodeOrderLink(await signOrder(account, order, venue));
    const bad = [
      "",
      "not a link!",
      link.slice(0, 40),
      `B${link.slice(1)}`, // another version byte
      "x".repeat(5_000),
    ];
    for (const text of bad) {
      assert.throws(
        () => decodeOrderLink(text),
        (error: unknown) => error instanceof OrderLinkError && /^This offer link/.test(error.message),
        text,
      );
    }
    // no signature at all
    const unsigned = encodeOrderLink({ ...(await signOrder(account, order, venue)), signature: "0x" });
    assert.throws(() => decodeOrderLink(unsigned), OrderLinkError);
  });
});

describe("check results", () => {
  test("selectors become error names and words; unknown ones are dropped", () => {
    const problems = decodeCheckResult([toFunctionSelector("NonceUsed()"), toFunctionSelector("TakerAllowanceLow()"), "0xdeadbeef"]);
    assert.deepEqual(
      problems.map((p) => p.name),
      ["NonceUsed", "TakerAllowanceLow"],
    );
    for (const p of problems) assert.match(p.message, /^[A-Z].*\.$/);
  });
});
