// The stored price key orders offers exactly as cross-multiplying their amounts (with the
// decimals the app applies, as its comparePrice does), including prices that differ only far
// past any rounded quotient, and amounts at the uint256 limit.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { priceKey } from "../src/lib/price.ts";

type Terms = { sellAmount: bigint; buyAmount: bigint; sellDecimals: number; buyDecimals: number };

/** comparePrice's rule: buy·10^sellDec·other.sell·10^other.buyDec against the other way round. */
function crossCompare(a: Terms, b: Terms): number {
  const left = a.buyAmount * 10n ** BigInt(a.sellDecimals) * b.sellAmount * 10n ** BigInt(b.buyDecimals);
  const right = b.buyAmount * 10n ** BigInt(b.sellDecimals) * a.sellAmount * 10n ** BigInt(a.buyDecimals);
  return left < right ? -1 : left > right ? 1 : 0;
}

const keyCompare = (a: Terms, b: Terms) => {
  const x = BigInt(priceKey(a));
  const y = BigInt(priceKey(b));
  return x < y ? -1 : x > y ? 1 : 0;
};

const MAX = 2n ** 256n - 1n;
const amount = () => {
  const bits = 1 + (randomBytes(1)[0]! % 255);
  const value = BigInt(`0x${randomBytes(32).toString("hex")}`) % 2n ** BigInt(bits);
  return value === 0n ? 1n : value;
};
const decimals = () => [0, 6, 8, 18, 24][randomBytes(1)[0]! % 5]!;

test("prices that differ in the 21st digit or beyond do not tie", () => {
  const third: Terms = { sellAmount: 3n, buyAmount: 1n, sellDecimals: 6, buyDecimals: 18 };
  const underThird: Terms = { sellAmount: 3n * 10n ** 20n + 1n, buyAmount: 10n ** 20n, sellDecimals: 6, buyDecimals: 18 };
  assert.equal(keyCompare(underThird, third), -1);
  const huge: Terms = { sellAmount: MAX, buyAmount: MAX - 1n, sellDecimals: 18, buyDecimals: 18 };
  const hugeNext: Terms = { sellAmount: MAX - 1n, buyAmount: MAX - 2n, sellDecimals: 18, buyDecimals: 18 };
  assert.equal(keyCompare(hugeNext, huge), crossCompare(hugeNext, huge));
  assert.notEqual(crossCompare(hugeNext, huge), 0);
  // Equal fractions give equal keys (ties then go newest first).
  assert.equal(keyCompare(third, { ...third, sellAmount: 3n * 10n ** 40n, buyAmount: 10n ** 40n }), 0);
});

test("key order equals the cross-multiplication on random terms", () => {
  for (let i = 0; i < 5_000; i++) {
    const a: Terms = { sellAmount: amount(), buyAmount: amount(), sellDecimals: decimals(), buyDecimals: decimals() };
    const near = randomBytes(1)[0]! % 2 === 0;
    // Half the pairs are neighbours: the same terms with one amount off by one.
    const b: Terms = near
      ? { ...a, buyAmount: a.buyAmount + 1n }
      : { sellAmount: amount(), buyAmount: amount(), sellDecimals: decimals(), buyDecimals: decimals() };
    assert.equal(
      keyCompare(a, b),
      crossCompare(a, b),
      JSON.stringify([a, b], (_, v) => (typeof v === "bigint" ? v.toString() : v)),
    );
  }
});
