// @peerlock/sdk's quoteFill must charge exactly what the contract charges, on any offer.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { quoteFill } from "@peerlock/sdk";
import { network } from "hardhat";
import { getAddress, maxUint256 } from "viem";

const MAX = 2n ** 128n - 1n;

/** Deterministic xorshift so a failure reproduces. */
function* randomAmounts(seed: bigint): Generator<bigint> {
  let x = seed;
  for (;;) {
    x ^= (x << 13n) & maxUint256;
    x ^= x >> 7n;
    x ^= (x << 17n) & maxUint256;
    // mix small, mid and huge magnitudes, all in 1..2^128-1
    const bits = (x % 128n) + 1n;
    yield (x % 2n ** bits) % MAX || 1n;
  }
}

describe("SDK quoteFill against SwapEscrow.quoteFill", async () => {
  const { viem } = await network.create();
  const [maker] = await viem.getWalletClients();
  const swap = await viem.deployContract("SwapEscrow");
  const token = await viem.deployContract("TestToken", ["Sell", "SELL", 18]);
  const buyToken = getAddress("0x000000000000000000000000000000000000bEEF");
  await token.write.mint([maker.account.address, maxUint256 / 2n]);
  await token.write.approve([swap.address, maxUint256]);

  it("agrees on 60 random offers and fills, including extremes", async () => {
    const rand = randomAmounts(0x5eedn);
    const cases: [bigint, bigint][] = [
      [MAX, MAX],
      [MAX, 1n],
      [1n, MAX],
      [3n, 10n],
    ];
    while (cases.length < 60) cases.push([rand.next().value, rand.next().value]);
    for (const [i, [sellAmount, buyAmount]] of cases.entries()) {
      await swap.write.createOffer([token.address, sellAmount, buyToken, buyAmount, "0x0000000000000000000000000000000000000000", 0n, true]);
      const offerId = BigInt(i + 1);
      for (const fill of [1n, sellAmount, (rand.next().value % sellAmount) + 1n]) {
        assert.equal(
          quoteFill({ sellAmount, buyAmount }, fill),
          await swap.read.quoteFill([offerId, fill]),
          `offer ${sellAmount}/${buyAmount}, fill ${fill}`,
        );
      }
    }
  });
});
