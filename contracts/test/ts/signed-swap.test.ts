// SignedSwap against SPEC.md "Signed offers": every function, error and event, the signature
// edge cases, EIP-1271 makers, `check`, and hostile tokens.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  concat,
  encodeFunctionData,
  hashTypedData,
  keccak256,
  maxUint256,
  stringToHex,
  toFunctionSelector,
  zeroAddress,
  type ContractErrorName,
  type Hex,
} from "viem";
import { expectBalanceChanges, balanceOf } from "./helpers/fixtures.ts";
import {
  defaultOrder,
  domain,
  malleate,
  ORDER_TYPE_STRING,
  ORDER_TYPES,
  sign,
  signedWorld,
  START_TOKENS,
  type Order,
  type SignedWorld,
} from "./helpers/signed.ts";
import { addr, atNextBlock, now, ONE, publicClient, viem } from "./helpers/setup.ts";

const { assertions } = viem;

type SignedSwapError = ContractErrorName<SignedWorld["signed"]["abi"]>;

const selector = (error: string) => toFunctionSelector(`${error}()`);

function fill(w: SignedWorld, order: Order, signature: Hex, amount = order.sellAmount, who = w.taker) {
  return w.signed.write.fillOrder([order, signature, amount], { account: who.account });
}

async function expectFillReverts(w: SignedWorld, order: Order, signature: Hex, error: SignedSwapError, amount = order.sellAmount, who = w.taker) {
  await assertions.revertWithCustomError(fill(w, order, signature, amount, who), w.signed, error);
}

async function checkNames(w: SignedWorld, order: Order, signature: Hex, taker: `0x${string}`, amount: bigint) {
  const selectors = await w.signed.read.check([order, signature, taker, amount]);
  return [...selectors].sort();
}

const expected = (...errors: string[]) => errors.map(selector).sort();

describe("SignedSwap", () => {
  describe("EIP-712", () => {
    it("exposes the SPEC domain through eip712Domain() (EIP-5267)", async () => {
      const w = await signedWorld();
      const [fields, name, version, chainId, verifyingContract, salt, extensions] = await w.signed.read.eip712Domain();
      assert.equal(fields, "0x0f"); // name, version, chainId, verifyingContract
      assert.equal(name, "Peerlock");
      assert.equal(version, "1");
      assert.equal(chainId, BigInt(w.chainId));
      assert.equal(verifyingContract, addr(w.signed.address));
      assert.equal(salt, `0x${"0".repeat(64)}`);
      assert.deepEqual(extensions, []);
    });

    it("hashes the exact SPEC type string, and hashOrder is the EIP-712 digest", async () => {
      const w = await signedWorld();
      assert.equal(await w.signed.read.ORDER_TYPEHASH(), keccak256(stringToHex(ORDER_TYPE_STRING)));
      const order = defaultOrder(w, { taker: w.other.account.address, expiry: 123n, partialFills: true, nonce: 2n ** 200n });
      const digest = hashTypedData({ domain: domain(w), types: ORDER_TYPES, primaryType: "Order", message: order });
      assert.equal(await w.signed.read.hashOrder([order]), digest);
    });
  });

  describe("fillOrder", () => {
    it("moves both legs straight between maker and taker, uses the nonce and emits OrderFilled", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      const orderHash = await w.signed.read.hashOrder([order]);
      const { result } = await w.signed.simulate.fillOrder([order, signature, order.sellAmount], { account: w.taker.account.address });
      assert.equal(result, order.buyAmount);
      const makerB = await balanceOf(w.tokenB.address, w.maker.account.address);
      const hash = await expectBalanceChanges(w.tokenA.address, () => fill(w, order, signature), [
        [w.maker.account.address, -order.sellAmount],
        [w.taker.account.address, order.sellAmount],
        [w.signed.address, 0n],
      ]);
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), makerB + order.buyAmount);
      assert.equal(await balanceOf(w.tokenB.address, w.taker.account.address), START_TOKENS - order.buyAmount);
      await assertions.emitWithArgs(hash, w.signed, "OrderFilled", [
        orderHash,
        addr(w.maker.account.address),
        addr(w.taker.account.address),
        order.nonce,
        order.sellAmount,
        order.buyAmount,
      ]);
      assert.equal(await w.signed.read.isNonceUsed([w.maker.account.address, order.nonce]), true);
      assert.equal(await w.signed.read.nonceBitmap([w.maker.account.address, 0n]), 1n << 7n);
      assert.equal(await w.signed.read.filledAmount([orderHash]), 0n, "filledAmount stays 0 without partial fills");
      await expectFillReverts(w, order, signature, "NonceUsed");
    });

    it("refuses an all-or-nothing order filled for less (PartialFillNotAllowed), 0 or more (InvalidFillAmount)", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      await expectFillReverts(w, order, signature, "PartialFillNotAllowed", order.sellAmount - 1n);
      await expectFillReverts(w, order, signature, "InvalidFillAmount", 0n);
      await expectFillReverts(w, order, signature, "InvalidFillAmount", order.sellAmount + 1n);
    });

    it("fills partial orders piece by piece at ceil(price), tracks filledAmount and uses the nonce when nothing is left", async () => {
      const w = await signedWorld();
      // 3 A for 10 B: every 1 A costs ceil(10/3) = 4 B
      const order = defaultOrder(w, { sellAmount: 3n, buyAmount: 10n, partialFills: true });
      const signature = await sign(w, order);
      const orderHash = await w.signed.read.hashOrder([order]);
      const makerB = await balanceOf(w.tokenB.address, w.maker.account.address);
      await expectFillReverts(w, order, signature, "InvalidFillAmount", 0n);
      await expectFillReverts(w, order, signature, "InvalidFillAmount", 4n);
      const first = await fill(w, order, signature, 1n);
      await assertions.emitWithArgs(first, w.signed, "OrderFilled", [
        orderHash,
        addr(w.maker.account.address),
        addr(w.taker.account.address),
        order.nonce,
        1n,
        4n,
      ]);
      assert.equal(await w.signed.read.filledAmount([orderHash]), 1n);
      assert.equal(await w.signed.read.isNonceUsed([w.maker.account.address, order.nonce]), false);
      await expectFillReverts(w, order, signature, "InvalidFillAmount", 3n);
      await fill(w, order, signature, 1n, w.other);
      await fill(w, order, signature, 1n);
      assert.equal(await w.signed.read.filledAmount([orderHash]), 3n);
      assert.equal(await w.signed.read.isNonceUsed([w.maker.account.address, order.nonce]), true);
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), makerB + 12n, "3 fills of ceil(10/3)");
      await expectFillReverts(w, order, signature, "NonceUsed", 1n);
    });

    it("a partial order filled whole in one go pays exactly buyAmount", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { sellAmount: 3n, buyAmount: 10n, partialFills: true });
      const signature = await sign(w, order);
      const { result } = await w.signed.simulate.fillOrder([order, signature, 3n], { account: w.taker.account.address });
      assert.equal(result, 10n);
    });

    it("prices without overflow at the largest amounts", async () => {
      const w = await signedWorld();
      // the product of the amounts needs about 510 bits
      const big = maxUint256 / 2n;
      await w.tokenA.write.mint([w.maker.account.address, big]);
      await w.tokenB.write.mint([w.taker.account.address, big]);
      const order = defaultOrder(w, { sellAmount: big, buyAmount: big - 1n, partialFills: true });
      const signature = await sign(w, order);
      const { result } = await w.signed.simulate.fillOrder([order, signature, order.sellAmount - 1n], { account: w.taker.account.address });
      // x * (S - 1) / S = x - x/S, and for x = S - 1 that is S - 2 + 1/S, rounded up to S - 1
      assert.equal(result, order.sellAmount - 1n);
    });

    it("reverts ZeroAmount, SameToken", async () => {
      const w = await signedWorld();
      for (const o of [{ sellAmount: 0n }, { buyAmount: 0n }]) {
        const order = defaultOrder(w, o);
        await expectFillReverts(w, order, await sign(w, order), "ZeroAmount", 1n);
      }
      const same = defaultOrder(w, { buyToken: w.tokenA.address });
      await expectFillReverts(w, same, await sign(w, same), "SameToken");
    });

    it("reverts OrderExpired from the expiry second on, fills the second before", async () => {
      const w = await signedWorld();
      const expiry = (await now()) + 100n;
      const order = defaultOrder(w, { expiry });
      const signature = await sign(w, order);
      await atNextBlock(expiry);
      await expectFillReverts(w, order, signature, "OrderExpired");

      const w2 = await signedWorld();
      const fresh = defaultOrder(w2, { expiry: (await now()) + 100n });
      const freshSignature = await sign(w2, fresh);
      await atNextBlock(fresh.expiry - 1n);
      await fill(w2, fresh, freshSignature);
    });

    it("lets only the named taker fill (NotTaker), and never the maker (InvalidTaker)", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { taker: w.taker.account.address });
      const signature = await sign(w, order);
      await expectFillReverts(w, order, signature, "NotTaker", order.sellAmount, w.other);
      await expectFillReverts(w, order, signature, "NotTaker", order.sellAmount, w.maker);
      const open = defaultOrder(w, { nonce: 8n });
      await expectFillReverts(w, open, await sign(w, open), "InvalidTaker", open.sellAmount, w.maker);
      await fill(w, order, signature);
    });
  });

  describe("signatures", () => {
    it("refuses the malleable high-s twin of a valid signature", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      await expectFillReverts(w, order, malleate(signature), "InvalidSignature");
      await fill(w, order, signature);
    });

    it("refuses a signature for another chain id or another verifying contract", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      await expectFillReverts(w, order, await sign(w, order, w.maker, { chainId: 1 }), "InvalidSignature");
      await expectFillReverts(w, order, await sign(w, order, w.maker, { verifyingContract: w.tokenA.address }), "InvalidSignature");
    });

    it("refuses another signer, a changed field, a wrong length and the zero maker", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      await expectFillReverts(w, order, await sign(w, order, w.other), "InvalidSignature");
      await expectFillReverts(w, { ...order, buyAmount: order.buyAmount - 1n }, signature, "InvalidSignature");
      await expectFillReverts(w, order, signature.slice(0, 130) as Hex, "InvalidSignature");
      await expectFillReverts(w, order, concat([signature, "0x00"]), "InvalidSignature");
      // ecrecover's 0 for garbage must not pass as maker 0
      const nobody = { ...order, maker: zeroAddress };
      await expectFillReverts(w, nobody, `0x${"11".repeat(64)}1b`, "InvalidSignature");
    });

    it("refuses calldata whose address, uint64 or bool words have bits set above the type", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      const data = encodeFunctionData({ abi: w.signed.abi, functionName: "fillOrder", args: [order, signature, order.sellAmount] });
      // word 0 of the arguments is order.maker; word 6 order.expiry; word 8 order.partialFills
      for (const word of [0, 6, 8]) {
        const at = 2 + 8 + word * 64; // "0x", selector, words before
        const dirty = `${data.slice(0, at)}01${data.slice(at + 2)}` as Hex;
        await assert.rejects(w.taker.sendTransaction({ to: w.signed.address, data: dirty, gas: 500_000n }));
      }
      await fill(w, order, signature);
    });
  });

  describe("EIP-1271 makers", () => {
    const Mode = { Owner: 0, Yes: 1, No: 2, Revert: 3, Short: 4 } as const;

    it("fills when the wallet approves its owner's signature, and refuses another signer", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { maker: w.wallet.address });
      await expectFillReverts(w, order, await sign(w, order, w.other), "InvalidSignature");
      const hash = await fill(w, order, await sign(w, order, w.walletOwner));
      await assertions.emitWithArgs(hash, w.signed, "OrderFilled", [
        await w.signed.read.hashOrder([order]),
        addr(w.wallet.address),
        addr(w.taker.account.address),
        order.nonce,
        order.sellAmount,
        order.buyAmount,
      ]);
      assert.equal(await balanceOf(w.tokenB.address, w.wallet.address), START_TOKENS + order.buyAmount);
    });

    it("fills on a wallet's yes whatever the bytes; refuses its no, its revert and a short answer", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { maker: w.wallet.address });
      for (const mode of [Mode.No, Mode.Revert, Mode.Short]) {
        await w.wallet.write.setMode([mode]);
        await expectFillReverts(w, order, await sign(w, order, w.walletOwner), "InvalidSignature");
        assert.deepEqual(await checkNames(w, order, "0x", zeroAddress, order.sellAmount), expected("InvalidSignature"));
      }
      await w.wallet.write.setMode([Mode.Yes]);
      await fill(w, order, "0x");
    });
  });

  describe("cancel and invalidateNonces", () => {
    it("cancel marks new nonces, skips used ones, and emits one NonceCancelled per nonce marked", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      const maker = w.maker.account.address;
      const first = await w.signed.write.cancel([[7n, 300n]], { account: w.maker.account });
      await assertions.emitWithArgs(first, w.signed, "NonceCancelled", [addr(maker), 7n]);
      await assertions.emitWithArgs(first, w.signed, "NonceCancelled", [addr(maker), 300n]);
      await expectFillReverts(w, order, signature, "NonceUsed");
      assert.equal(await w.signed.read.nonceBitmap([maker, 1n]), 1n << 44n);

      // 7 and 300 are used, 9 is new and listed twice: one event, for 9
      const again = await w.signed.write.cancel([[7n, 9n, 300n, 9n]], { account: w.maker.account });
      const receipt = await publicClient.waitForTransactionReceipt({ hash: again });
      assert.equal(receipt.logs.length, 1);
      await assertions.emitWithArgs(again, w.signed, "NonceCancelled", [addr(maker), 9n]);
      assert.equal(await w.signed.read.nonceBitmap([maker, 0n]), (1n << 7n) | (1n << 9n));
      // nonces are per maker
      assert.equal(await w.signed.read.isNonceUsed([w.other.account.address, 7n]), false);
      // an empty list changes nothing
      const none = await w.signed.write.cancel([[]], { account: w.maker.account });
      assert.equal((await publicClient.waitForTransactionReceipt({ hash: none })).logs.length, 0);
    });

    it("invalidateNonces sets every bit of the mask in one word and emits NoncesInvalidated", async () => {
      const w = await signedWorld();
      const maker = w.maker.account.address;
      await w.signed.write.cancel([[512n + 1n]], { account: w.maker.account });
      const mask = (1n << 0n) | (1n << 5n) | (1n << 255n);
      const hash = await w.signed.write.invalidateNonces([2n, mask], { account: w.maker.account });
      await assertions.emitWithArgs(hash, w.signed, "NoncesInvalidated", [addr(maker), 2n, mask]);
      assert.equal(await w.signed.read.nonceBitmap([maker, 2n]), mask | 2n);
      for (const nonce of [512n, 517n, 767n, 513n]) assert.equal(await w.signed.read.isNonceUsed([maker, nonce]), true);
      assert.equal(await w.signed.read.isNonceUsed([maker, 514n]), false);
      const order = defaultOrder(w, { nonce: 767n });
      await expectFillReverts(w, order, await sign(w, order), "NonceUsed");
    });
  });

  describe("check", () => {
    it("returns nothing for a fill that would succeed, and that fill succeeds", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      assert.deepEqual(await checkNames(w, order, signature, w.taker.account.address, order.sellAmount), []);
      assert.deepEqual(await checkNames(w, order, signature, zeroAddress, order.sellAmount), []);
      await fill(w, order, signature);
      assert.deepEqual(await checkNames(w, order, signature, w.taker.account.address, order.sellAmount), expected("NonceUsed"));
    });

    it("reports every order, caller, signature and amount error that applies", async () => {
      const w = await signedWorld();
      const taker = w.taker.account.address;
      const expiry = (await now()) - 1n;
      const bad = defaultOrder(w, { sellAmount: 0n, buyToken: w.tokenA.address, expiry, taker: w.other.account.address });
      assert.deepEqual(
        await checkNames(w, bad, "0x", taker, 1n),
        expected("ZeroAmount", "SameToken", "OrderExpired", "NotTaker", "InvalidSignature", "InvalidFillAmount"),
      );
      const order = defaultOrder(w, { buyAmount: 0n });
      const signature = await sign(w, order);
      assert.deepEqual(await checkNames(w, order, signature, w.maker.account.address, order.sellAmount), expected("ZeroAmount", "InvalidTaker"));
      const whole = defaultOrder(w);
      const wholeSignature = await sign(w, whole);
      assert.deepEqual(await checkNames(w, whole, wholeSignature, taker, 1n), expected("PartialFillNotAllowed"));
      assert.deepEqual(await checkNames(w, whole, wholeSignature, taker, 0n), expected("InvalidFillAmount"));
      // more than the order: no price to compare the taker's money with
      assert.deepEqual(await checkNames(w, whole, wholeSignature, taker, whole.sellAmount + 1n), expected("InvalidFillAmount"));
      // the taker checks are skipped without a taker
      assert.deepEqual(
        await checkNames(
          w,
          { ...whole, taker: w.other.account.address },
          await sign(w, { ...whole, taker: w.other.account.address }),
          zeroAddress,
          whole.sellAmount,
        ),
        [],
      );
    });

    it("reports what is left of a partial order", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { sellAmount: 3n, buyAmount: 10n, partialFills: true });
      const signature = await sign(w, order);
      await fill(w, order, signature, 2n);
      const taker = w.taker.account.address;
      assert.deepEqual(await checkNames(w, order, signature, taker, 1n), []);
      assert.deepEqual(await checkNames(w, order, signature, taker, 2n), expected("InvalidFillAmount"));
    });

    it("reports each party's balance and allowance", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w);
      const signature = await sign(w, order);
      const taker = w.taker.account.address;
      await w.tokenA.write.transfer([w.other.account.address, START_TOKENS - 1n], { account: w.maker.account });
      await w.tokenA.write.approve([w.signed.address, 0n], { account: w.maker.account });
      await w.tokenB.write.transfer([w.other.account.address, START_TOKENS - 1n], { account: w.taker.account.address });
      await w.tokenB.write.approve([w.signed.address, order.buyAmount - 1n], { account: w.taker.account.address });
      assert.deepEqual(
        await checkNames(w, order, signature, taker, order.sellAmount),
        expected("MakerBalanceLow", "MakerAllowanceLow", "TakerBalanceLow", "TakerAllowanceLow"),
      );
      assert.deepEqual(await checkNames(w, order, signature, zeroAddress, order.sellAmount), expected("MakerBalanceLow", "MakerAllowanceLow"));
    });

    it("never reverts on tokens whose views revert, burn all gas or answer short, or on a token with no code", async () => {
      const w = await signedWorld();
      const taker = w.taker.account.address;
      const sells = defaultOrder(w, { sellToken: w.hostileView.address });
      const buys = defaultOrder(w, { buyToken: w.hostileView.address, nonce: 8n });
      for (const mode of [1, 2, 3]) {
        await w.hostileView.write.setMode([mode]);
        assert.deepEqual(await checkNames(w, sells, await sign(w, sells), taker, sells.sellAmount), expected("MakerBalanceLow", "MakerAllowanceLow"));
        assert.deepEqual(await checkNames(w, buys, await sign(w, buys), taker, buys.sellAmount), expected("TakerBalanceLow", "TakerAllowanceLow"));
      }
      const ghost = defaultOrder(w, { sellToken: "0x000000000000000000000000000000000000dEaD" });
      assert.deepEqual(await checkNames(w, ghost, await sign(w, ghost), taker, ghost.sellAmount), expected("MakerBalanceLow", "MakerAllowanceLow"));
    });
  });

  describe("hostile tokens", () => {
    it("a token re-entering fillOrder with the same order finds the nonce used; the fill completes once", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { sellToken: w.reentrant.address });
      const signature = await sign(w, order);
      await w.reentrant.write.arm([
        w.signed.address,
        encodeFunctionData({ abi: w.signed.abi, functionName: "fillOrder", args: [order, signature, order.sellAmount] }),
      ]);
      await expectBalanceChanges(w.reentrant.address, () => fill(w, order, signature), [
        [w.maker.account.address, -order.sellAmount],
        [w.taker.account.address, order.sellAmount],
      ]);
      assert.equal(await w.reentrant.read.reentryAttempts(), 1n);
      assert.equal(await w.reentrant.read.lastReentrySucceeded(), false);
      assert.equal(await w.reentrant.read.lastReentryReturnData(), selector("NonceUsed"));
    });

    it("a partial fill re-entered mid-transfer sees the fill already recorded", async () => {
      const w = await signedWorld();
      const order = defaultOrder(w, { sellToken: w.reentrant.address, partialFills: true });
      const signature = await sign(w, order);
      const half = order.sellAmount / 2n;
      // the re-entry (by the token itself, as taker) takes the other half: allowed, as it was
      // signed for anyone, and nothing is filled twice
      await w.reentrant.write.arm([
        w.signed.address,
        encodeFunctionData({ abi: w.signed.abi, functionName: "fillOrder", args: [order, signature, order.sellAmount] }),
      ]);
      await fill(w, order, signature, half);
      assert.equal(await w.reentrant.read.lastReentrySucceeded(), false);
      assert.equal(await w.reentrant.read.lastReentryReturnData(), selector("InvalidFillAmount"));
      assert.equal(await w.signed.read.filledAmount([await w.signed.read.hashOrder([order])]), half);
    });

    it("a token returning false or blocking the receiver reverts the whole fill, nonce unused", async () => {
      const w = await signedWorld();
      const falseOrder = defaultOrder(w, { sellToken: w.falseRet.address });
      await w.falseRet.write.setFailing([w.taker.account.address, true]);
      await assertions.revertWithCustomErrorWithArgs(fill(w, falseOrder, await sign(w, falseOrder)), w.signed, "SafeERC20FailedOperation", [
        addr(w.falseRet.address),
      ]);

      const blockedOrder = defaultOrder(w, { buyToken: w.blocking.address, nonce: 8n });
      await w.blocking.write.setBlocked([w.maker.account.address, true]);
      await assertions.revertWithCustomErrorWithArgs(fill(w, blockedOrder, await sign(w, blockedOrder)), w.blocking, "RecipientBlocked", [
        addr(w.maker.account.address),
      ]);
      for (const nonce of [7n, 8n]) assert.equal(await w.signed.read.isNonceUsed([w.maker.account.address, nonce]), false);
    });
  });
});
