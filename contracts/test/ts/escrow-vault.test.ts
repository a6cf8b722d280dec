// EscrowVault, the base both escrows share: intake rules, payouts that a recipient cannot
// block (credited instead), and the credit ledger behind `withdrawable` / `withdraw`.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseEther } from "viem";
import { world, expectBalanceChanges, balanceOf, type World } from "./helpers/fixtures.ts";
import { createOffer, defaultOffer, offerArgs } from "./helpers/offers.ts";
import { dealArgs, dealIn, defaultDeal } from "./helpers/deals.ts";
import { dealCall, fundRefuser, swapCall } from "./helpers/refuser.ts";
import { DealStatus, ETH, MAX_AMOUNT, ONE, OfferStatus, ZERO, loadFixture, networkHelpers, publicClient, viem } from "./helpers/setup.ts";

const { assertions } = viem;
const PRICE = parseEther("1");

/** The refuser (refusing ETH) has sold 100 A for 1 ETH and a taker bought it all. */
async function refuserPaidInEth() {
  const w = await world();
  await fundRefuser(w, 100n * ONE);
  await swapCall(w).createOffer(offerArgs(defaultOffer(w, { buyToken: ETH, buyAmount: PRICE })));
  const fill = await w.swap.write.fillOffer([1n, 100n * ONE], { account: w.taker.account, value: PRICE });
  return { w, fill };
}

describe("EscrowVault", () => {
  describe("withdraw without credit", () => {
    it("reverts NothingToWithdraw on both escrows, for ETH and tokens, and reads 0", async () => {
      const w = await world();
      for (const escrow of [w.swap, w.deal]) {
        for (const token of [ETH, w.tokenA.address]) {
          assert.equal(await escrow.read.withdrawable([token, w.maker.account.address]), 0n);
          // both escrows share the vault ABI, so one ABI serves both addresses
          const withdraw = w.maker.writeContract({ address: escrow.address, abi: w.swap.abi, functionName: "withdraw", args: [token] });
          await assertions.revertWithCustomError(withdraw, escrow, "NothingToWithdraw");
        }
      }
    });
  });

  describe("ETH payouts to a refusing contract", () => {
    it("credits the maker of an ETH-priced offer and completes the fill", async () => {
      const { w, fill } = await loadFixture(refuserPaidInEth);
      await assertions.emitWithArgs(fill, w.swap, "Credited", [w.refuser.address, ETH, PRICE]);
      await assertions.emitWithArgs(fill, w.swap, "OfferFilled", [1n, w.taker.account.address, 100n * ONE, PRICE, 0n]);
      assert.equal((await w.swap.read.getOffer([1n])).status, OfferStatus.Filled);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), PRICE);
      assert.equal(await balanceOf(ETH, w.swap.address), PRICE);
      assert.equal(await balanceOf(ETH, w.refuser.address), 0n);
      assert.equal(await balanceOf(w.tokenA.address, w.swap.address), 0n);
    });

    it("keeps the credit when withdraw fails while still refusing", async () => {
      const { w } = await loadFixture(refuserPaidInEth);
      await assertions.revertWithCustomError(swapCall(w).withdraw(), w.refuser, "EthRefused");
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), PRICE);
      assert.equal(await balanceOf(ETH, w.swap.address), PRICE);
    });

    it("pays the whole credit once when the refuser accepts, then NothingToWithdraw", async () => {
      const { w } = await loadFixture(refuserPaidInEth);
      await w.refuser.write.setAccepting([true]);
      const hash = await expectBalanceChanges(ETH, () => swapCall(w).withdraw(), [
        [w.refuser.address, PRICE],
        [w.swap.address, -PRICE],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "Withdrawn", [w.refuser.address, ETH, PRICE]);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), 0n);
      await assertions.revertWithCustomError(swapCall(w).withdraw(), w.swap, "NothingToWithdraw");
    });

    it("adds up credits from several partial fills, per token and per escrow", async () => {
      const w = await world();
      await fundRefuser(w, 10n);
      await swapCall(w).createOffer(offerArgs(defaultOffer(w, { sellAmount: 10n, buyToken: ETH, buyAmount: 30n })));
      for (const [amount, price] of [
        [1n, 3n],
        [4n, 12n],
        [5n, 15n],
      ] as const) {
        const hash = await w.swap.write.fillOffer([1n, amount], { account: w.taker.account, value: price });
        await assertions.emitWithArgs(hash, w.swap, "Credited", [w.refuser.address, ETH, price]);
      }
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), 30n);
      assert.equal(await w.swap.read.withdrawable([w.tokenA.address, w.refuser.address]), 0n);
      assert.equal(await w.deal.read.withdrawable([ETH, w.refuser.address]), 0n);
      assert.equal(await w.swap.read.withdrawable([ETH, w.taker.account.address]), 0n);
      assert.equal(await balanceOf(ETH, w.swap.address), 30n);
    });

    it("pays an accepting contract directly, without credit", async () => {
      const w = await world();
      await w.refuser.write.setAccepting([true]);
      await fundRefuser(w, 100n * ONE);
      await swapCall(w).createOffer(offerArgs(defaultOffer(w, { buyToken: ETH, buyAmount: PRICE })));
      await expectBalanceChanges(ETH, () => w.swap.write.fillOffer([1n, 100n * ONE], { account: w.taker.account, value: PRICE }), [
        [w.refuser.address, PRICE],
        [w.swap.address, 0n],
      ]);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), 0n);
    });

    it("credits a refusing taker of an ETH-selling offer", async () => {
      const w = await world();
      const amount = parseEther("2");
      await createOffer(w, { sellToken: ETH, sellAmount: amount, buyToken: w.tokenA.address, buyAmount: 5n });
      await fundRefuser(w, 5n);
      const hash = await swapCall(w).fillOffer(1n, amount);
      await assertions.emitWithArgs(hash, w.swap, "Credited", [w.refuser.address, ETH, amount]);
      assert.equal(await balanceOf(w.tokenA.address, w.refuser.address), 0n);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), amount);
      assert.equal(await balanceOf(ETH, w.swap.address), amount);
    });

    it("credits a refusing maker when it cancels an ETH-selling offer", async () => {
      const w = await world();
      const amount = parseEther("3");
      const args = offerArgs(defaultOffer(w, { sellToken: ETH, sellAmount: amount }));
      await swapCall(w).createOffer(args, amount);
      const hash = await swapCall(w).cancelOffer(1n);
      await assertions.emitWithArgs(hash, w.swap, "OfferCancelled", [1n, amount]);
      await assertions.emitWithArgs(hash, w.swap, "Credited", [w.refuser.address, ETH, amount]);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), amount);
      assert.equal(await balanceOf(ETH, w.swap.address), amount);
    });

    it("credits a refusing ETH-deal seller on a buyer cancel", async () => {
      const w = await world();
      const amount = parseEther("4");
      await dealCall(w).openDeal(dealArgs(defaultDeal(w, { token: ETH, amount })), amount);
      await w.deal.write.takeDeal([1n], { account: w.buyer.account });
      const hash = await w.deal.write.cancelDeal([1n], { account: w.buyer.account });
      await assertions.emitWithArgs(hash, w.deal, "Credited", [w.refuser.address, ETH, amount]);
      await assertions.emitWithArgs(hash, w.deal, "DealRefunded", [1n, w.buyer.account.address]);
      assert.equal(await w.deal.read.withdrawable([ETH, w.refuser.address]), amount);
      assert.equal(await balanceOf(ETH, w.deal.address), amount);
      await w.refuser.write.setAccepting([true]);
      await expectBalanceChanges(ETH, () => dealCall(w).withdraw(), [
        [w.refuser.address, amount],
        [w.deal.address, -amount],
      ]);
    });

    it("credits a refusing ETH-deal buyer on release", async () => {
      const w = await world();
      const amount = parseEther("4");
      await w.deal.write.openDeal(dealArgs(defaultDeal(w, { token: ETH, amount })), { account: w.seller.account, value: amount });
      await dealCall(w).takeDeal(1n);
      const hash = await w.deal.write.release([1n], { account: w.seller.account });
      await assertions.emitWithArgs(hash, w.deal, "Credited", [w.refuser.address, ETH, amount]);
      assert.equal((await w.deal.read.getDeal([1n])).status, DealStatus.Released);
      assert.equal(await w.deal.read.withdrawable([ETH, w.refuser.address]), amount);
      assert.equal(await balanceOf(ETH, w.deal.address), amount);
    });

    it("credits a refusing arbiter its fee and still pays buyer and seller", async () => {
      const w = await world();
      const amount = 1_000_003n;
      const id = await dealIn(w, "Disputed", { token: ETH, amount, arbiter: w.refuser.address, arbiterFeeBps: 250 });
      // fee = 1000003 * 250 / 10000 = 25000; rest 975003; buyer 60 % = 585001; seller 390002
      const hash = await expectBalanceChanges(ETH, () => dealCall(w).resolve(id, 6000), [
        [w.buyer.account.address, 585_001n],
        [w.seller.account.address, 390_002n],
        [w.refuser.address, 0n],
        [w.deal.address, -975_003n],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "Credited", [w.refuser.address, ETH, 25_000n]);
      await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 6000, 585_001n, 390_002n, 25_000n]);
      assert.equal(await w.deal.read.withdrawable([ETH, w.refuser.address]), 25_000n);
      assert.equal(await balanceOf(ETH, w.deal.address), 25_000n);
    });
  });

  describe("ETH payouts to a gas-burning contract", () => {
    async function burnerPaid(w: World) {
      await w.refuser.write.setBurnGas([true]);
      await fundRefuser(w, 100n * ONE);
      await swapCall(w).createOffer(offerArgs(defaultOffer(w, { buyToken: ETH, buyAmount: PRICE })));
      return w.swap.write.fillOffer([1n, 100n * ONE], { account: w.taker.account, value: PRICE, gas: 1_000_000n });
    }

    it("forwards limited gas, credits the burner and completes the trade", async () => {
      const w = await world();
      const hash = await burnerPaid(w);
      const receipt = await publicClient.getTransactionReceipt({ hash });
      assert.equal(receipt.status, "success");
      // the 100k forwarded to the burner plus the fill itself, far below the 1M offered
      assert.ok(receipt.gasUsed < 400_000n, `gas used ${receipt.gasUsed}`);
      await assertions.emitWithArgs(hash, w.swap, "Credited", [w.refuser.address, ETH, PRICE]);
      assert.equal(await balanceOf(w.tokenA.address, w.taker.account.address), 1_000_100n * ONE);
      assert.equal(await w.swap.read.withdrawable([ETH, w.refuser.address]), PRICE);
    });

    it("lets the former burner withdraw with all the gas it wants", async () => {
      const w = await world();
      await burnerPaid(w);
      await w.refuser.write.setBurnGas([false]);
      await w.refuser.write.setAccepting([true]);
      await expectBalanceChanges(ETH, () => swapCall(w).withdraw(), [
        [w.refuser.address, PRICE],
        [w.swap.address, -PRICE],
      ]);
    });
  });

  describe("intake", () => {
    it("takes in and pays out 2^128 - 1 wei on both escrows", async () => {
      const w = await world();
      for (const who of [w.maker, w.taker]) await networkHelpers.setBalance(who.account.address, 3n * MAX_AMOUNT);
      await createOffer(w, { sellToken: ETH, sellAmount: MAX_AMOUNT, buyAmount: 1n });
      await expectBalanceChanges(ETH, () => w.swap.write.fillOffer([1n, MAX_AMOUNT], { account: w.taker.account }), [
        [w.taker.account.address, MAX_AMOUNT],
        [w.swap.address, -MAX_AMOUNT],
      ]);
      const id = await dealIn(w, "Paid", { token: ETH, amount: MAX_AMOUNT });
      assert.equal(await balanceOf(ETH, w.deal.address), MAX_AMOUNT);
      await expectBalanceChanges(ETH, () => w.deal.write.release([id], { account: w.seller.account }), [
        [w.buyer.account.address, MAX_AMOUNT],
        [w.deal.address, -MAX_AMOUNT],
      ]);
    });

    it("takes nothing in when a create reverts", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { sellToken: ETH, sellAmount: 5n })), { account: w.maker.account, value: 4n }),
        w.swap,
        "InvalidValue",
      );
      assert.equal(await balanceOf(ETH, w.swap.address), 0n);
      assert.equal(await w.swap.read.offerCount(), 0n);
      assert.equal(await w.deal.read.dealCount(), 0n);
      assert.equal(await w.swap.read.getOffer([1n]).then((o) => o.maker), ZERO);
    });
  });
});
