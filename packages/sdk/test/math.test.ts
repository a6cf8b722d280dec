import assert from "node:assert/strict";
import { test } from "node:test";
import { dealLimits, hashTerms, isOfferExpired, quoteFill, resolveSplit } from "@peerlock/sdk";

test("quoteFill rounds up in the maker's favour and is exact when divisible", () => {
  assert.equal(quoteFill({ sellAmount: 3n, buyAmount: 10n }, 1n), 4n); // 3.33 -> 4
  assert.equal(quoteFill({ sellAmount: 3n, buyAmount: 9n }, 1n), 3n);
  assert.equal(quoteFill({ sellAmount: 3n, buyAmount: 10n }, 3n), 10n);
  assert.equal(quoteFill({ sellAmount: 0n, buyAmount: 10n }, 3n), 0n);
  const max = 2n ** 128n - 1n;
  assert.equal(quoteFill({ sellAmount: max, buyAmount: max }, max), max);
  assert.equal(quoteFill({ sellAmount: max, buyAmount: 1n }, 1n), 1n);
});

test("resolveSplit rounds each part down and pays the remainder to the seller", () => {
  const { fee, toBuyer, toSeller } = resolveSplit(1_001n, 333, 5_001);
  assert.equal(fee, 33n); // 1001 * 333 / 10000 = 33.3
  assert.equal(toBuyer, 484n); // 968 * 5001 / 10000 = 484.09
  assert.equal(toSeller, 484n);
  assert.equal(fee + toBuyer + toSeller, 1_001n);
  assert.deepEqual(resolveSplit(100n, 0, 10_000), { fee: 0n, toBuyer: 100n, toSeller: 0n });
  assert.equal(dealLimits.bps, 10_000);
});

test("hashTerms is keccak256 of the UTF-8 text", () => {
  assert.equal(hashTerms(""), "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  assert.notEqual(hashTerms("Pay 100 EUR"), hashTerms("Pay 100 EUR "));
});

test("an offer is expired from its expiry second on, and never when expiry is 0", () => {
  assert.equal(isOfferExpired({ expiry: 0n }, 10n ** 12n), false);
  assert.equal(isOfferExpired({ expiry: 100n }, 99n), false);
  assert.equal(isOfferExpired({ expiry: 100n }, 100n), true);
});
