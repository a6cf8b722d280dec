// @peerlock/sdk's signed-offer helpers against a deployed SignedSwap: the type hash and digest
// match the contract's, what signOrder signs fills, checkOrder reads the contract's reasons,
// and the nonce helpers agree with its bitmap.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  checkOrder,
  decodeEscrowError,
  decodeOrderLink,
  encodeOrderLink,
  hashOrder,
  invalidationsBelow,
  nextUnusedNonce,
  orderTypeHash,
  signOrder,
  type SignedOrder,
} from "@peerlock/sdk";
import { maxUint256, zeroAddress } from "viem";
import { signedWorld, type SignedWorld } from "./helpers/signed.ts";
import { ONE, publicClient } from "./helpers/setup.ts";

function venue(w: SignedWorld) {
  return { chainId: w.chainId, verifyingContract: w.signed.address };
}

function order(w: SignedWorld, overrides: Partial<SignedOrder> = {}): SignedOrder {
  return {
    maker: w.maker.account.address,
    taker: zeroAddress,
    sellToken: w.tokenA.address,
    sellAmount: 10n * ONE,
    buyToken: w.tokenB.address,
    buyAmount: 25n * 10n ** 6n,
    expiry: 0n,
    nonce: 0n,
    partialFills: false,
    ...overrides,
  };
}

describe("SDK signed offers against SignedSwap", () => {
  it("orderTypeHash is ORDER_TYPEHASH and hashOrder is the contract's digest", async () => {
    const w = await signedWorld();
    assert.equal(orderTypeHash, await w.signed.read.ORDER_TYPEHASH());
    for (const o of [
      order(w),
      order(w, { taker: w.taker.account.address, expiry: 2n ** 64n - 1n, nonce: maxUint256, partialFills: true, sellAmount: maxUint256 }),
    ]) {
      assert.equal(hashOrder(o, venue(w)), await w.signed.read.hashOrder([o]));
    }
  });

  it("an order signed with signOrder and passed through a link fills", async () => {
    const w = await signedWorld();
    const signed = decodeOrderLink(encodeOrderLink(await signOrder(w.maker, order(w), venue(w))));
    assert.deepEqual(await checkOrder(publicClient, signed, { taker: w.taker.account.address }), []);
    const hash = await w.signed.write.fillOrder([signed.order, signed.signature, signed.order.sellAmount], { account: w.taker.account });
    assert.equal((await publicClient.waitForTransactionReceipt({ hash })).status, "success");
    const problems = await checkOrder(publicClient, signed, { taker: w.taker.account.address });
    assert.deepEqual(
      problems.map((p) => p.name),
      ["NonceUsed"],
    );
    assert.match(problems[0].message, /already filled or cancelled/);
  });

  it("checkOrder names each reason; decodeEscrowError words a SignedSwap revert", async () => {
    const w = await signedWorld();
    const signed = await signOrder(w.maker, order(w, { partialFills: false }), venue(w));
    await w.tokenB.write.approve([w.signed.address, 0n], { account: w.taker.account });
    const problems = await checkOrder(publicClient, signed, { taker: w.taker.account.address, sellAmount: 1n });
    assert.deepEqual(problems.map((p) => p.name).sort(), ["PartialFillNotAllowed", "TakerAllowanceLow"]);

    const forged = await signOrder(w.other, order(w), venue(w));
    await assert.rejects(
      w.signed.write.fillOrder([forged.order, forged.signature, forged.order.sellAmount], { account: w.taker.account }),
      (error: unknown) => decodeEscrowError(error).name === "InvalidSignature",
    );
  });

  it("nextUnusedNonce skips used nonces; invalidationsBelow cancels everything signed so far", async () => {
    const w = await signedWorld();
    const maker = w.maker.account.address;
    assert.equal(await nextUnusedNonce(publicClient, w.signed.address, maker), 0n);
    await w.signed.write.cancel([[0n, 1n, 3n]], { account: w.maker.account });
    assert.equal(await nextUnusedNonce(publicClient, w.signed.address, maker), 2n);
    assert.equal(await nextUnusedNonce(publicClient, w.signed.address, maker, 3n), 4n);
    await w.signed.write.invalidateNonces([0n, maxUint256], { account: w.maker.account });
    assert.equal(await nextUnusedNonce(publicClient, w.signed.address, maker), 256n, "the next word when one is full");

    for (const { wordPos, mask } of invalidationsBelow(260n)) {
      await w.signed.write.invalidateNonces([wordPos, mask], { account: w.maker.account });
    }
    for (const nonce of [255n, 256n, 259n]) assert.equal(await w.signed.read.isNonceUsed([maker, nonce]), true);
    assert.equal(await w.signed.read.isNonceUsed([maker, 260n]), false);
  });
});
