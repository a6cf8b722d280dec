import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseEther } from "viem";
import { world, expectBalanceChanges, balanceOf, START_TOKENS } from "./helpers/fixtures.ts";
import { ceilDiv, createOffer, defaultOffer, offerArgs } from "./helpers/offers.ts";
import { ETH, MAX_AMOUNT, ONE, OfferStatus, ZERO, addr, atNextBlock, now, time, viem } from "./helpers/setup.ts";

const { assertions } = viem;

describe("SwapEscrow", () => {
  describe("createOffer", () => {
    it("starts with no offers and returns the zero offer for unknown ids", async () => {
      const { swap } = await world();
      assert.equal(await swap.read.offerCount(), 0n);
      const empty = await swap.read.getOffer([0n]);
      assert.equal(empty.status, OfferStatus.None);
      assert.equal(empty.maker, ZERO);
      assert.equal(empty.sellAmount, 0n);
      assert.equal((await swap.read.getOffer([1n])).status, OfferStatus.None);
    });

    it("gives ids from 1 counting up and returns the id", async () => {
      const w = await world();
      const p = defaultOffer(w);
      const { result } = await w.swap.simulate.createOffer(offerArgs(p), { account: w.maker.account.address });
      assert.equal(result, 1n);
      for (const expected of [1n, 2n, 3n]) {
        assert.equal(await createOffer(w), expected);
        assert.equal(await w.swap.read.offerCount(), expected);
      }
    });

    it("locks an ERC-20 sell amount, stores every field and emits OfferCreated", async () => {
      const w = await world();
      const expiry = (await now()) + 3600n;
      const p = defaultOffer(w, { taker: w.taker.account.address, expiry, partialFills: false });
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.swap.write.createOffer(offerArgs(p), { account: w.maker.account }), [
        [w.maker.account.address, -p.sellAmount],
        [w.swap.address, p.sellAmount],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "OfferCreated", [
        1n,
        w.maker.account.address,
        w.taker.account.address,
        w.tokenA.address,
        p.sellAmount,
        w.tokenB.address,
        p.buyAmount,
        expiry,
        false,
      ]);
      assert.deepEqual(await w.swap.read.getOffer([1n]), {
        maker: addr(w.maker.account.address),
        taker: addr(w.taker.account.address),
        sellToken: addr(w.tokenA.address),
        buyToken: addr(w.tokenB.address),
        sellAmount: p.sellAmount,
        buyAmount: p.buyAmount,
        sellRemaining: p.sellAmount,
        expiry,
        partialFills: false,
        status: OfferStatus.Open,
      });
    });

    it("locks ETH sent as the exact msg.value and stores ETH as address(0)", async () => {
      const w = await world();
      const p = defaultOffer(w, { sellToken: ETH, sellAmount: parseEther("2") });
      const hash = await expectBalanceChanges(ETH, () => w.swap.write.createOffer(offerArgs(p), { account: w.maker.account, value: p.sellAmount }), [
        [w.maker.account.address, -p.sellAmount],
        [w.swap.address, p.sellAmount],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "OfferCreated", [
        1n,
        w.maker.account.address,
        ZERO,
        ETH,
        p.sellAmount,
        w.tokenB.address,
        p.buyAmount,
        0n,
        true,
      ]);
      const offer = await w.swap.read.getOffer([1n]);
      assert.equal(offer.sellToken, ETH);
      assert.equal(offer.taker, ZERO);
    });

    it("stores an ETH buy token as address(0)", async () => {
      const w = await world();
      await createOffer(w, { buyToken: ETH, buyAmount: parseEther("1") });
      const offer = await w.swap.read.getOffer([1n]);
      assert.equal(offer.buyToken, ETH);
      assert.equal(offer.buyAmount, parseEther("1"));
    });

    it("reverts ZeroAmount when the sell or buy amount is 0", async () => {
      const w = await world();
      for (const o of [{ sellAmount: 0n }, { buyAmount: 0n }]) {
        await assertions.revertWithCustomError(
          w.swap.write.createOffer(offerArgs(defaultOffer(w, o)), { account: w.maker.account }),
          w.swap,
          "ZeroAmount",
        );
      }
    });

    it("accepts amounts of 2^128 - 1 and reverts AmountTooLarge at 2^128", async () => {
      const w = await world();
      await w.tokenA.write.mint([w.maker.account.address, MAX_AMOUNT]);
      for (const o of [{ sellAmount: MAX_AMOUNT + 1n }, { buyAmount: MAX_AMOUNT + 1n }]) {
        await assertions.revertWithCustomError(
          w.swap.write.createOffer(offerArgs(defaultOffer(w, o)), { account: w.maker.account }),
          w.swap,
          "AmountTooLarge",
        );
      }
      const id = await createOffer(w, { sellAmount: MAX_AMOUNT, buyAmount: MAX_AMOUNT });
      const offer = await w.swap.read.getOffer([id]);
      assert.equal(offer.sellAmount, MAX_AMOUNT);
      assert.equal(offer.buyAmount, MAX_AMOUNT);
      assert.equal(offer.sellRemaining, MAX_AMOUNT);
    });

    it("reverts SameToken when both legs are the same token, ETH included", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { buyToken: w.tokenA.address })), {
          account: w.maker.account,
        }),
        w.swap,
        "SameToken",
      );
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { sellToken: ETH, buyToken: ETH, sellAmount: 1n })), {
          account: w.maker.account,
          value: 1n,
        }),
        w.swap,
        "SameToken",
      );
    });

    it("reverts InvalidExpiry when expiry is now or in the past, accepts now + 1", async () => {
      const w = await world();
      const t = (await now()) + 100n;
      for (const expiry of [t, t - 1n]) {
        await atNextBlock(t);
        await assertions.revertWithCustomError(
          w.swap.write.createOffer(offerArgs(defaultOffer(w, { expiry })), { account: w.maker.account }),
          w.swap,
          "InvalidExpiry",
        );
      }
      await atNextBlock(t + 1n);
      const id = await createOffer(w, { expiry: t + 2n });
      assert.equal((await w.swap.read.getOffer([id])).expiry, t + 2n);
    });

    it("reverts InvalidTaker when the maker names itself as taker", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { taker: w.maker.account.address })), {
          account: w.maker.account,
        }),
        w.swap,
        "InvalidTaker",
      );
    });

    it("reverts InvalidValue for a wrong ETH amount or ETH sent with an ERC-20", async () => {
      const w = await world();
      const ethOffer = offerArgs(defaultOffer(w, { sellToken: ETH, sellAmount: 1000n }));
      for (const value of [0n, 999n, 1001n]) {
        await assertions.revertWithCustomError(w.swap.write.createOffer(ethOffer, { account: w.maker.account, value }), w.swap, "InvalidValue");
      }
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w)), { account: w.maker.account, value: 1n }),
        w.swap,
        "InvalidValue",
      );
    });

    it("reverts UnsupportedToken(token) for a sell token without code", async () => {
      const w = await world();
      const noCode = w.other.account.address;
      await assertions.revertWithCustomErrorWithArgs(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { sellToken: noCode })), { account: w.maker.account }),
        w.swap,
        "UnsupportedToken",
        [addr(noCode)],
      );
    });

    it("reverts when the maker has not approved the sell amount, and stores nothing", async () => {
      const w = await world();
      await w.tokenA.write.approve([w.swap.address, 0n], { account: w.maker.account });
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w)), { account: w.maker.account }),
        w.tokenA,
        "ERC20InsufficientAllowance",
      );
      assert.equal(await w.swap.read.offerCount(), 0n);
    });
  });

  describe("fillOffer", () => {
    it("fills a whole ERC-20/ERC-20 offer: maker paid, taker served, escrow emptied", async () => {
      const w = await world();
      const id = await createOffer(w);
      const p = defaultOffer(w);
      const { result } = await w.swap.simulate.fillOffer([id, p.sellAmount], { account: w.taker.account.address });
      assert.equal(result, p.buyAmount);
      const buyBefore = await balanceOf(w.tokenB.address, w.maker.account.address);
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.swap.write.fillOffer([id, p.sellAmount], { account: w.taker.account }), [
        [w.taker.account.address, p.sellAmount],
        [w.swap.address, -p.sellAmount],
        [w.maker.account.address, 0n],
      ]);
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), buyBefore + p.buyAmount);
      assert.equal(await balanceOf(w.tokenB.address, w.taker.account.address), START_TOKENS - p.buyAmount);
      assert.equal(await balanceOf(w.tokenB.address, w.swap.address), 0n);
      await assertions.emitWithArgs(hash, w.swap, "OfferFilled", [id, w.taker.account.address, p.sellAmount, p.buyAmount, 0n]);
      const offer = await w.swap.read.getOffer([id]);
      assert.equal(offer.status, OfferStatus.Filled);
      assert.equal(offer.sellRemaining, 0n);
    });

    it("pays an ETH buy leg straight to the maker with the exact msg.value", async () => {
      const w = await world();
      const price = parseEther("3");
      const id = await createOffer(w, { buyToken: ETH, buyAmount: price });
      const hash = await expectBalanceChanges(ETH, () => w.swap.write.fillOffer([id, 100n * ONE], { account: w.taker.account, value: price }), [
        [w.maker.account.address, price],
        [w.taker.account.address, -price],
        [w.swap.address, 0n],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "OfferFilled", [id, w.taker.account.address, 100n * ONE, price, 0n]);
      assert.equal(await balanceOf(w.tokenA.address, w.taker.account.address), START_TOKENS + 100n * ONE);
    });

    it("pays out an ETH sell leg to the taker", async () => {
      const w = await world();
      const amount = parseEther("5");
      const id = await createOffer(w, { sellToken: ETH, sellAmount: amount, buyAmount: 7n });
      await expectBalanceChanges(ETH, () => w.swap.write.fillOffer([id, parseEther("2")], { account: w.taker.account }), [
        [w.taker.account.address, parseEther("2")],
        [w.swap.address, -parseEther("2")],
      ]);
      // ceil(2 * 7 / 5) = 3
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), START_TOKENS + 3n);
      assert.equal((await w.swap.read.getOffer([id])).sellRemaining, parseEther("3"));
    });

    it("rounds each partial fill up in the maker's favour, quoteFill matching every charge", async () => {
      const w = await world();
      // 3 A for 10 B: one unit of A costs 3.33.. B
      const id = await createOffer(w, { sellAmount: 3n, buyAmount: 10n });
      const makerB = await balanceOf(w.tokenB.address, w.maker.account.address);
      let paidTotal = 0n;
      let remaining = 3n;
      for (const fill of [1n, 1n, 1n]) {
        const quote = await w.swap.read.quoteFill([id, fill]);
        assert.equal(quote, ceilDiv(fill * 10n, 3n));
        assert.equal(quote, 4n);
        remaining -= fill;
        const hash = await w.swap.write.fillOffer([id, fill], { account: w.taker.account });
        await assertions.emitWithArgs(hash, w.swap, "OfferFilled", [id, w.taker.account.address, fill, quote, remaining]);
        paidTotal += quote;
      }
      assert.equal(paidTotal, 12n); // never less than the asked 10
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), makerB + 12n);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
    });

    it("charges exact prices when they divide and rounds up only the inexact fills", async () => {
      const w = await world();
      // 1000 A for 333 B
      const id = await createOffer(w, { sellAmount: 1000n, buyAmount: 333n });
      const cases: Array<[bigint, bigint]> = [
        [1n, 1n], // 0.333 -> 1
        [500n, 167n], // 166.5 -> 167
        [3n, 1n], // 0.999 -> 1
        [496n, 166n], // 165.168 -> 166
      ];
      let remaining = 1000n;
      for (const [fill, expected] of cases) {
        assert.equal(await w.swap.read.quoteFill([id, fill]), expected);
        const { result } = await w.swap.simulate.fillOffer([id, fill], { account: w.taker.account.address });
        assert.equal(result, expected);
        const before = await balanceOf(w.tokenB.address, w.taker.account.address);
        await w.swap.write.fillOffer([id, fill], { account: w.taker.account });
        assert.equal(before - (await balanceOf(w.tokenB.address, w.taker.account.address)), expected);
        remaining -= fill;
        assert.equal((await w.swap.read.getOffer([id])).sellRemaining, remaining);
      }
      assert.equal(remaining, 0n);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
      // an exact price: 10 A for 20 B, filling 5 costs exactly 10
      const exact = await createOffer(w, { sellAmount: 10n, buyAmount: 20n });
      assert.equal(await w.swap.read.quoteFill([exact, 5n]), 10n);
    });

    it("fills 2^128 - 1 on both legs without overflow", async () => {
      const w = await world();
      await w.tokenA.write.mint([w.maker.account.address, MAX_AMOUNT]);
      await w.tokenB.write.mint([w.taker.account.address, MAX_AMOUNT]);
      const id = await createOffer(w, { sellAmount: MAX_AMOUNT, buyAmount: MAX_AMOUNT - 1n });
      const half = MAX_AMOUNT / 2n;
      // ceil(half * (MAX - 1) / MAX) = half when half < MAX
      assert.equal(await w.swap.read.quoteFill([id, half]), half);
      await w.swap.write.fillOffer([id, half], { account: w.taker.account });
      const rest = MAX_AMOUNT - half;
      const quote = await w.swap.read.quoteFill([id, rest]);
      assert.equal(quote, ceilDiv(rest * (MAX_AMOUNT - 1n), MAX_AMOUNT));
      await w.swap.write.fillOffer([id, rest], { account: w.taker.account });
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
      assert.equal(await balanceOf(w.tokenA.address, w.swap.address), 0n);
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), START_TOKENS + half + quote);
    });

    it("lets only the named taker fill a private offer", async () => {
      const w = await world();
      const id = await createOffer(w, { taker: w.taker.account.address });
      for (const caller of [w.other, w.maker]) {
        await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: caller.account }), w.swap, "NotTaker");
      }
      await w.swap.write.fillOffer([id, 1n], { account: w.taker.account });
      assert.equal((await w.swap.read.getOffer([id])).sellRemaining, 100n * ONE - 1n);
    });

    it("reverts InvalidTaker when the maker fills its own public offer", async () => {
      const w = await world();
      const id = await createOffer(w);
      await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: w.maker.account }), w.swap, "InvalidTaker");
    });

    it("reverts OfferNotOpen for unknown, filled and cancelled offers", async () => {
      const w = await world();
      for (const id of [0n, 1n, 99n]) {
        await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: w.taker.account }), w.swap, "OfferNotOpen");
      }
      const filled = await createOffer(w, { sellAmount: 5n });
      await w.swap.write.fillOffer([filled, 5n], { account: w.taker.account });
      const cancelled = await createOffer(w, { sellAmount: 5n });
      await w.swap.write.cancelOffer([cancelled], { account: w.maker.account });
      for (const id of [filled, cancelled]) {
        await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: w.taker.account }), w.swap, "OfferNotOpen");
      }
    });

    it("fills one second before expiry and reverts OfferExpired at and after it", async () => {
      const w = await world();
      const expiry = (await now()) + 1000n;
      const id = await createOffer(w, { expiry });
      await atNextBlock(expiry - 1n);
      await w.swap.write.fillOffer([id, 1n], { account: w.taker.account });
      await atNextBlock(expiry);
      await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: w.taker.account }), w.swap, "OfferExpired");
      await time.increase(1000);
      await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 1n], { account: w.taker.account }), w.swap, "OfferExpired");
    });

    it("never expires an offer with expiry 0", async () => {
      const w = await world();
      const id = await createOffer(w);
      await time.increase(10 * 365 * 24 * 3600);
      await w.swap.write.fillOffer([id, 1n], { account: w.taker.account });
    });

    it("reverts InvalidFillAmount for 0 and for more than remains", async () => {
      const w = await world();
      const id = await createOffer(w, { sellAmount: 10n });
      await w.swap.write.fillOffer([id, 4n], { account: w.taker.account });
      for (const amount of [0n, 7n, MAX_AMOUNT + 1n]) {
        await assertions.revertWithCustomError(w.swap.write.fillOffer([id, amount], { account: w.taker.account }), w.swap, "InvalidFillAmount");
      }
      await w.swap.write.fillOffer([id, 6n], { account: w.taker.account });
    });

    it("reverts PartialFillNotAllowed for less than all of an all-or-nothing offer", async () => {
      const w = await world();
      const id = await createOffer(w, { sellAmount: 10n, partialFills: false });
      await assertions.revertWithCustomError(w.swap.write.fillOffer([id, 9n], { account: w.taker.account }), w.swap, "PartialFillNotAllowed");
      await w.swap.write.fillOffer([id, 10n], { account: w.taker.account });
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
    });

    it("reverts InvalidValue for a wrong ETH price or ETH sent for an ERC-20 price", async () => {
      const w = await world();
      const ethBuy = await createOffer(w, { buyToken: ETH, buyAmount: 1000n, sellAmount: 3n });
      // ceil(1 * 1000 / 3) = 334
      for (const value of [0n, 333n, 335n]) {
        await assertions.revertWithCustomError(w.swap.write.fillOffer([ethBuy, 1n], { account: w.taker.account, value }), w.swap, "InvalidValue");
      }
      await w.swap.write.fillOffer([ethBuy, 1n], { account: w.taker.account, value: 334n });
      const erc20Buy = await createOffer(w);
      await assertions.revertWithCustomError(w.swap.write.fillOffer([erc20Buy, 1n], { account: w.taker.account, value: 1n }), w.swap, "InvalidValue");
    });

    it("checks in order: OfferNotOpen, OfferExpired, NotTaker, InvalidFillAmount, PartialFillNotAllowed, InvalidValue", async () => {
      const w = await world();
      const expiry = (await now()) + 1000n;
      const priv = { taker: w.taker.account.address, partialFills: false, expiry, sellAmount: 10n, buyToken: ETH, buyAmount: 10n };
      const cancelled = await createOffer(w, priv);
      await w.swap.write.cancelOffer([cancelled], { account: w.maker.account });
      const open = await createOffer(w, priv);
      const bad = (id: bigint, amount: bigint, caller = w.other) => w.swap.write.fillOffer([id, amount], { account: caller.account, value: 1n });
      // each call is wrong in the named way and in every way checked after it
      await assertions.revertWithCustomError(bad(open, 9n), w.swap, "NotTaker");
      await assertions.revertWithCustomError(bad(open, 0n, w.taker), w.swap, "InvalidFillAmount");
      await assertions.revertWithCustomError(bad(open, 9n, w.taker), w.swap, "PartialFillNotAllowed");
      await assertions.revertWithCustomError(bad(open, 10n, w.taker), w.swap, "InvalidValue");
      // once expired, a closed offer still reports OfferNotOpen first
      await time.increaseTo(expiry);
      await assertions.revertWithCustomError(bad(cancelled, 0n), w.swap, "OfferNotOpen");
      await assertions.revertWithCustomError(bad(open, 0n), w.swap, "OfferExpired");
    });

    it("reverts UnsupportedToken(token) at fill time for a buy token without code", async () => {
      const w = await world();
      const noCode = w.other.account.address;
      const id = await createOffer(w, { buyToken: noCode });
      await assertions.revertWithCustomErrorWithArgs(w.swap.write.fillOffer([id, 1n], { account: w.taker.account }), w.swap, "UnsupportedToken", [
        addr(noCode),
      ]);
      // the maker is not stuck
      await w.swap.write.cancelOffer([id], { account: w.maker.account });
    });

    it("reverts when the taker has not approved the ERC-20 price, moving nothing", async () => {
      const w = await world();
      const id = await createOffer(w);
      await w.tokenB.write.approve([w.swap.address, 0n], { account: w.taker.account });
      await assertions.revertWithCustomError(
        w.swap.write.fillOffer([id, 1n * ONE], { account: w.taker.account }),
        w.tokenB,
        "ERC20InsufficientAllowance",
      );
      assert.equal((await w.swap.read.getOffer([id])).sellRemaining, 100n * ONE);
      assert.equal(await balanceOf(w.tokenA.address, w.swap.address), 100n * ONE);
    });
  });

  describe("cancelOffer", () => {
    it("refunds the whole ERC-20 amount of an untouched offer and emits OfferCancelled", async () => {
      const w = await world();
      const id = await createOffer(w);
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.swap.write.cancelOffer([id], { account: w.maker.account }), [
        [w.maker.account.address, 100n * ONE],
        [w.swap.address, -100n * ONE],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "OfferCancelled", [id, 100n * ONE]);
      const offer = await w.swap.read.getOffer([id]);
      assert.equal(offer.status, OfferStatus.Cancelled);
      // sellRemaining stays as the record of what was refunded
      assert.equal(offer.sellRemaining, 100n * ONE);
    });

    it("refunds only what remains after partial fills", async () => {
      const w = await world();
      const id = await createOffer(w, { sellAmount: 10n, buyAmount: 10n });
      await w.swap.write.fillOffer([id, 3n], { account: w.taker.account });
      await w.swap.write.fillOffer([id, 2n], { account: w.other.account });
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.swap.write.cancelOffer([id], { account: w.maker.account }), [
        [w.maker.account.address, 5n],
        [w.swap.address, -5n],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "OfferCancelled", [id, 5n]);
      assert.equal(await balanceOf(w.tokenA.address, w.swap.address), 0n);
    });

    it("refunds ETH, and works after expiry", async () => {
      const w = await world();
      const expiry = (await now()) + 50n;
      const id = await createOffer(w, { sellToken: ETH, sellAmount: parseEther("1"), expiry });
      await time.increaseTo(expiry + 10n);
      await expectBalanceChanges(ETH, () => w.swap.write.cancelOffer([id], { account: w.maker.account }), [
        [w.maker.account.address, parseEther("1")],
        [w.swap.address, -parseEther("1")],
      ]);
    });

    it("reverts NotMaker for anyone but the maker, the named taker included", async () => {
      const w = await world();
      const id = await createOffer(w, { taker: w.taker.account.address });
      for (const caller of [w.taker, w.other, w.arbiter]) {
        await assertions.revertWithCustomError(w.swap.write.cancelOffer([id], { account: caller.account }), w.swap, "NotMaker");
      }
    });

    it("reverts OfferNotOpen for unknown, filled and already cancelled offers, before checking the caller", async () => {
      const w = await world();
      await assertions.revertWithCustomError(w.swap.write.cancelOffer([1n], { account: w.maker.account }), w.swap, "OfferNotOpen");
      const filled = await createOffer(w, { sellAmount: 5n });
      await w.swap.write.fillOffer([filled, 5n], { account: w.taker.account });
      const cancelled = await createOffer(w);
      await w.swap.write.cancelOffer([cancelled], { account: w.maker.account });
      for (const id of [filled, cancelled]) {
        for (const caller of [w.maker, w.other]) {
          await assertions.revertWithCustomError(w.swap.write.cancelOffer([id], { account: caller.account }), w.swap, "OfferNotOpen");
        }
      }
    });
  });

  describe("quoteFill", () => {
    it("returns 0 for an unknown offer and keeps quoting closed offers", async () => {
      const w = await world();
      assert.equal(await w.swap.read.quoteFill([1n, 5n]), 0n);
      const id = await createOffer(w, { sellAmount: 7n, buyAmount: 22n });
      await w.swap.write.cancelOffer([id], { account: w.maker.account });
      assert.equal(await w.swap.read.quoteFill([id, 1n]), 4n); // ceil(22 / 7)
      assert.equal(await w.swap.read.quoteFill([id, 0n]), 0n);
      const filled = await createOffer(w, { sellAmount: 7n, buyAmount: 22n });
      await w.swap.write.fillOffer([filled, 7n], { account: w.taker.account });
      assert.equal(await w.swap.read.quoteFill([filled, 7n]), 22n);
      assert.equal(await w.swap.read.quoteFill([filled, 2n]), 7n); // ceil(44 / 7)
    });

    it("stays exact when fill amount times price exceeds 256 bits", async () => {
      const w = await world();
      await w.tokenA.write.mint([w.maker.account.address, MAX_AMOUNT]);
      const id = await createOffer(w, { sellAmount: MAX_AMOUNT, buyAmount: MAX_AMOUNT - 2n });
      const big = 2n ** 255n + 12345n;
      assert.equal(await w.swap.read.quoteFill([id, big]), ceilDiv(big * (MAX_AMOUNT - 2n), MAX_AMOUNT));
    });
  });
});
