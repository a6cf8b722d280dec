// The read API's parameters on their own: no chain or database needed.
import assert from "node:assert/strict";
import { test } from "node:test";
import { tradeId } from "../src/api/params.ts";

test("trade ids are positive whole numbers that fit in a uint256", () => {
  const max = (1n << 256n) - 1n;
  assert.equal(tradeId.parse(max.toString()), max);
  assert.equal(tradeId.parse("1"), 1n);
  for (const bad of [(max + 1n).toString(), "9".repeat(78), "0", "-1", "01", "1e3", ""]) {
    assert.equal(tradeId.safeParse(bad).success, false, bad);
  }
});
