// Tokens that misbehave: re-entrant, fee-on-transfer, blocking, false-returning, no-return.
// Each test checks exact balances of the escrow and every party, so nothing is lost or stuck.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { encodeErrorResult, encodeFunctionData, parseEther, type Address, type Hash, type Hex } from "viem";
import { world, expectBalanceChanges, balanceOf, START_TOKENS, type World } from "./helpers/fixtures.ts";
import { createOffer, defaultOffer, offerArgs } from "./helpers/offers.ts";
import { dealArgs, dealIn, defaultDeal, openDeal } from "./helpers/deals.ts";
import { DealStatus, ETH, OfferStatus, addr, publicClient, viem } from "./helpers/setup.ts";

const { assertions } = viem;

/** Calls `withdraw(token)` on either escrow (both share the vault ABI). */
function withdrawFrom(w: World, escrow: Address, token: Address, who: World["maker"]): Promise<Hash> {
  return who.writeContract({ address: escrow, abi: w.swap.abi, functionName: "withdraw", args: [token] });
}

function withdrawable(w: World, escrow: Address, token: Address, who: Address): Promise<bigint> {
  return publicClient.readContract({ address: escrow, abi: w.swap.abi, functionName: "withdrawable", args: [token, who] });
}

/** A token that can refuse payouts to chosen accounts, and how its refusal looks. */
interface RefusingToken {
  name: string;
  token: (w: World) => Address;
  refuse: (w: World, who: Address, on: boolean) => Promise<Hash>;
  expectRefusedWithdraw: (w: World, attempt: Promise<Hash>, who: Address) => Promise<void>;
}

const REFUSING_TOKENS: RefusingToken[] = [
  {
    name: "BlockingToken (transfers to blocked accounts revert)",
    token: (w) => w.blocking.address,
    refuse: (w, who, on) => w.blocking.write.setBlocked([who, on]),
    expectRefusedWithdraw: (w, attempt, who) => assertions.revertWithCustomErrorWithArgs(attempt, w.blocking, "RecipientBlocked", [addr(who)]),
  },
  {
    name: "FalseReturnToken (transfers to failing accounts return false)",
    token: (w) => w.falseRet.address,
    refuse: (w, who, on) => w.falseRet.write.setFailing([who, on]),
    expectRefusedWithdraw: (w, attempt) =>
      assertions.revertWithCustomErrorWithArgs(attempt, w.swap, "SafeERC20FailedOperation", [addr(w.falseRet.address)]),
  },
];

describe("hostile tokens", () => {
  for (const kind of REFUSING_TOKENS) {
    describe(kind.name, () => {
      /**
       * `who` holds `amount` of credit at `escrow`: withdraw fails while refused and keeps the
       * credit; once allowed it pays exactly the credit, once.
       */
      async function expectCreditWithdrawnOnceAllowed(w: World, escrow: Address, who: World["maker"], amount: bigint) {
        const token = kind.token(w);
        const account = who.account.address;
        assert.equal(await withdrawable(w, escrow, token, account), amount);
        await kind.expectRefusedWithdraw(w, withdrawFrom(w, escrow, token, who), account);
        assert.equal(await withdrawable(w, escrow, token, account), amount);
        await kind.refuse(w, account, false);
        const hash = await expectBalanceChanges(token, () => withdrawFrom(w, escrow, token, who), [
          [account, amount],
          [escrow, -amount],
        ]);
        await assertions.emitWithArgs(hash, { address: escrow, abi: w.swap.abi }, "Withdrawn", [account, token, amount]);
        assert.equal(await withdrawable(w, escrow, token, account), 0n);
        await assertions.revertWithCustomError(withdrawFrom(w, escrow, token, who), w.swap, "NothingToWithdraw");
      }

      it("credits a refused taker the sell token; the maker is paid and the offer filled", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await createOffer(w, { sellToken: T, sellAmount: 100n, buyAmount: 250n });
        await kind.refuse(w, w.taker.account.address, true);
        const hash = await expectBalanceChanges(T, () => w.swap.write.fillOffer([id, 100n], { account: w.taker.account }), [
          [w.taker.account.address, 0n],
          [w.swap.address, 0n],
        ]);
        await assertions.emitWithArgs(hash, w.swap, "Credited", [w.taker.account.address, T, 100n]);
        assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), START_TOKENS + 250n);
        assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
        assert.equal(await balanceOf(T, w.swap.address), 100n);
        await expectCreditWithdrawnOnceAllowed(w, w.swap.address, w.taker, 100n);
        assert.equal(await balanceOf(T, w.taker.account.address), START_TOKENS + 100n);
      });

      it("pulls the price into escrow and credits a refused maker; the taker gets its tokens", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await createOffer(w, { sellAmount: 30n, buyToken: T, buyAmount: 7n });
        await kind.refuse(w, w.maker.account.address, true);
        // ceil(10 * 7 / 30) = 3
        const hash = await expectBalanceChanges(T, () => w.swap.write.fillOffer([id, 10n], { account: w.taker.account }), [
          [w.taker.account.address, -3n],
          [w.maker.account.address, 0n],
          [w.swap.address, 3n],
        ]);
        await assertions.emitWithArgs(hash, w.swap, "Credited", [w.maker.account.address, T, 3n]);
        await assertions.emitWithArgs(hash, w.swap, "OfferFilled", [id, w.taker.account.address, 10n, 3n, 20n]);
        assert.equal(await balanceOf(w.tokenA.address, w.taker.account.address), START_TOKENS + 10n);
        // a second fill adds to the same credit
        await w.swap.write.fillOffer([id, 20n], { account: w.taker.account });
        assert.equal(await balanceOf(T, w.swap.address), 8n);
        await expectCreditWithdrawnOnceAllowed(w, w.swap.address, w.maker, 8n);
      });

      it("credits a refused maker the refund of a cancelled offer", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await createOffer(w, { sellToken: T, sellAmount: 100n });
        await w.swap.write.fillOffer([id, 40n], { account: w.taker.account });
        await kind.refuse(w, w.maker.account.address, true);
        const hash = await w.swap.write.cancelOffer([id], { account: w.maker.account });
        await assertions.emitWithArgs(hash, w.swap, "OfferCancelled", [id, 60n]);
        await assertions.emitWithArgs(hash, w.swap, "Credited", [w.maker.account.address, T, 60n]);
        assert.equal(await balanceOf(T, w.swap.address), 60n);
        await expectCreditWithdrawnOnceAllowed(w, w.swap.address, w.maker, 60n);
      });

      it("credits a refused buyer on release", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await dealIn(w, "Paid", { token: T, amount: 500n });
        await kind.refuse(w, w.buyer.account.address, true);
        const hash = await w.deal.write.release([id], { account: w.seller.account });
        await assertions.emitWithArgs(hash, w.deal, "Credited", [w.buyer.account.address, T, 500n]);
        assert.equal((await w.deal.read.getDeal([id])).status, DealStatus.Released);
        assert.equal(await balanceOf(T, w.deal.address), 500n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.buyer, 500n);
      });

      it("credits a refused seller on cancel", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await dealIn(w, "Taken", { token: T, amount: 500n });
        await kind.refuse(w, w.seller.account.address, true);
        const hash = await w.deal.write.cancelDeal([id], { account: w.buyer.account });
        await assertions.emitWithArgs(hash, w.deal, "Credited", [w.seller.account.address, T, 500n]);
        assert.equal(await balanceOf(T, w.deal.address), 500n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.seller, 500n);
      });

      it("credits a refused arbiter, buyer and seller their resolve shares", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await dealIn(w, "Disputed", { token: T, amount: 10_001n, arbiterFeeBps: 333 });
        for (const who of [w.arbiter, w.buyer, w.seller]) await kind.refuse(w, who.account.address, true);
        const hash = await w.deal.write.resolve([id, 3333], { account: w.arbiter.account });
        await assertions.emitWithArgs(hash, w.deal, "Credited", [w.arbiter.account.address, T, 333n]);
        await assertions.emitWithArgs(hash, w.deal, "Credited", [w.buyer.account.address, T, 3222n]);
        await assertions.emitWithArgs(hash, w.deal, "Credited", [w.seller.account.address, T, 6446n]);
        assert.equal(await balanceOf(T, w.deal.address), 10_001n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.arbiter, 333n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.buyer, 3222n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.seller, 6446n);
        assert.equal(await balanceOf(T, w.deal.address), 0n);
      });

      it("credits only the refused party of a resolve and pays the others directly", async () => {
        const w = await world();
        const T = kind.token(w);
        const id = await dealIn(w, "Disputed", { token: T, amount: 10_001n, arbiterFeeBps: 333 });
        await kind.refuse(w, w.buyer.account.address, true);
        await expectBalanceChanges(T, () => w.deal.write.resolve([id, 3333], { account: w.arbiter.account }), [
          [w.arbiter.account.address, 333n],
          [w.buyer.account.address, 0n],
          [w.seller.account.address, 6446n],
          [w.deal.address, -(10_001n - 3222n)],
        ]);
        assert.equal(await w.deal.read.withdrawable([T, w.arbiter.account.address]), 0n);
        assert.equal(await w.deal.read.withdrawable([T, w.seller.account.address]), 0n);
        await expectCreditWithdrawnOnceAllowed(w, w.deal.address, w.buyer, 3222n);
      });
    });
  }

  // SPEC credits a payout the recipient blocks. Which side refused the maker's price decides:
  // the maker's side is credited, the taker's side fails the taker's own fill.
  describe("who refuses the price of a fill", () => {
    it("recipient side (BlockingToken blocks the maker): the maker is credited, the fill completes", async () => {
      const w = await world();
      const T = w.blocking.address;
      const id = await createOffer(w, { sellAmount: 100n, buyToken: T, buyAmount: 250n });
      await w.blocking.write.setBlocked([w.maker.account.address, true]);
      const hash = await expectBalanceChanges(T, () => w.swap.write.fillOffer([id, 100n], { account: w.taker.account }), [
        [w.taker.account.address, -250n],
        [w.maker.account.address, 0n],
        [w.swap.address, 250n],
      ]);
      await assertions.emitWithArgs(hash, w.swap, "Credited", [w.maker.account.address, T, 250n]);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
      assert.equal(await balanceOf(w.tokenA.address, w.taker.account.address), START_TOKENS + 100n);
    });

    it("payer side (SendVetoToken: the taker vetoes sending to the maker): the fill reverts PaymentRefused, nothing moves", async () => {
      const w = await world();
      const T = w.sendVeto.address;
      const taker = w.taker.account.address;
      const maker = w.maker.account.address;
      const id = await createOffer(w, { sellAmount: 100n, buyToken: T, buyAmount: 250n });
      // the taker's own send rule refuses the maker only; the escrow may still pull from it
      await w.sendVeto.write.setVeto([maker, true], { account: w.taker.account });
      await assertions.revertWithCustomErrorWithArgs(w.swap.write.fillOffer([id, 100n], { account: w.taker.account }), w.swap, "PaymentRefused", [
        addr(T),
        addr(taker),
      ]);
      assert.equal(await balanceOf(T, taker), START_TOKENS);
      assert.equal(await balanceOf(T, maker), START_TOKENS);
      assert.equal(await balanceOf(T, w.swap.address), 0n);
      assert.equal(await withdrawable(w, w.swap.address, T, maker), 0n);
      const offer = await w.swap.read.getOffer([id]);
      assert.equal(offer.status, OfferStatus.Open);
      assert.equal(offer.sellRemaining, 100n);
      assert.equal(await balanceOf(w.tokenA.address, taker), START_TOKENS);

      // once the taker pays, the maker is paid directly: no credit
      await w.sendVeto.write.setVeto([maker, false], { account: w.taker.account });
      await expectBalanceChanges(T, () => w.swap.write.fillOffer([id, 100n], { account: w.taker.account }), [
        [taker, -250n],
        [maker, 250n],
        [w.swap.address, 0n],
      ]);
      assert.equal(await withdrawable(w, w.swap.address, T, maker), 0n);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Filled);
    });

    it("payer side refusing the escrow too (the taker vetoes both): the fill reverts with the token's own error", async () => {
      const w = await world();
      const T = w.sendVeto.address;
      const id = await createOffer(w, { sellAmount: 100n, buyToken: T, buyAmount: 250n });
      await w.sendVeto.write.setVeto([w.maker.account.address, true], { account: w.taker.account });
      await w.sendVeto.write.setVeto([w.swap.address, true], { account: w.taker.account });
      await assertions.revertWithCustomErrorWithArgs(w.swap.write.fillOffer([id, 100n], { account: w.taker.account }), w.sendVeto, "SendVetoed", [
        addr(w.taker.account.address),
        addr(w.swap.address),
      ]);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Open);
    });
  });

  describe("FeeOnTransferToken", () => {
    it("is refused with UnsupportedToken(token) by createOffer, leaving nothing behind", async () => {
      const w = await world();
      const fee = w.feeToken.address;
      await assertions.revertWithCustomErrorWithArgs(
        w.swap.write.createOffer(offerArgs(defaultOffer(w, { sellToken: fee })), { account: w.maker.account }),
        w.swap,
        "UnsupportedToken",
        [addr(fee)],
      );
      assert.equal(await w.swap.read.offerCount(), 0n);
      assert.equal(await balanceOf(fee, w.maker.account.address), START_TOKENS);
      assert.equal(await balanceOf(fee, w.swap.address), 0n);
    });

    it("is refused with UnsupportedToken(token) by openDeal", async () => {
      const w = await world();
      const fee = w.feeToken.address;
      await assertions.revertWithCustomErrorWithArgs(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { token: fee })), { account: w.seller.account }),
        w.deal,
        "UnsupportedToken",
        [addr(fee)],
      );
      assert.equal(await w.deal.read.dealCount(), 0n);
      assert.equal(await balanceOf(fee, w.deal.address), 0n);
    });

    it("is refused with UnsupportedToken(token) as the price of a fill, which moves nothing", async () => {
      const w = await world();
      const fee = w.feeToken.address;
      const id = await createOffer(w, { buyToken: fee, buyAmount: 10_000n });
      // the whole offer costs 10000, of which the token burns 1 %
      await assertions.revertWithCustomErrorWithArgs(
        w.swap.write.fillOffer([id, 100n * 10n ** 18n], { account: w.taker.account }),
        w.swap,
        "UnsupportedToken",
        [addr(fee)],
      );
      const offer = await w.swap.read.getOffer([id]);
      assert.equal(offer.sellRemaining, offer.sellAmount);
      assert.equal(offer.status, OfferStatus.Open);
      assert.equal(await balanceOf(fee, w.taker.account.address), START_TOKENS);
      assert.equal(await balanceOf(fee, w.maker.account.address), START_TOKENS);
      // the maker can still get its tokens back
      await w.swap.write.cancelOffer([id], { account: w.maker.account });
      assert.equal(await balanceOf(w.tokenA.address, w.swap.address), 0n);
    });
  });

  describe("NoReturnToken (USDT-style, returns nothing)", () => {
    it("sells through partial fills and a cancel with exact balances", async () => {
      const w = await world();
      const N = w.noRet.address;
      const id = await createOffer(w, { sellToken: N, sellAmount: 1000n, buyAmount: 3000n });
      assert.equal(await balanceOf(N, w.swap.address), 1000n);
      await expectBalanceChanges(N, () => w.swap.write.fillOffer([id, 400n], { account: w.taker.account }), [
        [w.taker.account.address, 400n],
        [w.swap.address, -400n],
      ]);
      assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), START_TOKENS + 1200n);
      await expectBalanceChanges(N, () => w.swap.write.cancelOffer([id], { account: w.maker.account }), [
        [w.maker.account.address, 600n],
        [w.swap.address, -600n],
      ]);
    });

    it("is paid as the price straight to the maker", async () => {
      const w = await world();
      const N = w.noRet.address;
      const id = await createOffer(w, { buyToken: N, buyAmount: 999n });
      await expectBalanceChanges(N, () => w.swap.write.fillOffer([id, 100n * 10n ** 18n], { account: w.taker.account }), [
        [w.taker.account.address, -999n],
        [w.maker.account.address, 999n],
        [w.swap.address, 0n],
      ]);
    });

    it("runs a deal through release and another through resolve", async () => {
      const w = await world();
      const N = w.noRet.address;
      const released = await dealIn(w, "Paid", { token: N, amount: 777n });
      await expectBalanceChanges(N, () => w.deal.write.release([released], { account: w.seller.account }), [
        [w.buyer.account.address, 777n],
        [w.deal.address, -777n],
      ]);
      const resolved = await dealIn(w, "Disputed", { token: N, amount: 10_001n, arbiterFeeBps: 333 });
      await expectBalanceChanges(N, () => w.deal.write.resolve([resolved, 3333], { account: w.arbiter.account }), [
        [w.arbiter.account.address, 333n],
        [w.buyer.account.address, 3222n],
        [w.seller.account.address, 6446n],
        [w.deal.address, -10_001n],
      ]);
    });
  });

  describe("ReentrantToken", () => {
    const guardError = (w: World): Hex => encodeErrorResult({ abi: w.swap.abi, errorName: "ReentrancyGuardReentrantCall" });

    /** The token tried one more re-entry and the escrow's guard refused it. */
    async function expectReentryRefused(w: World, attemptsBefore: bigint) {
      assert.equal(await w.reentrant.read.reentryAttempts(), attemptsBefore + 1n);
      assert.equal(await w.reentrant.read.lastReentrySucceeded(), false);
      assert.equal(await w.reentrant.read.lastReentryReturnData(), guardError(w));
    }

    const swapData = (w: World) => ({
      fillOffer: (id: bigint) => encodeFunctionData({ abi: w.swap.abi, functionName: "fillOffer", args: [id, 1n] }),
      cancelOffer: (id: bigint) => encodeFunctionData({ abi: w.swap.abi, functionName: "cancelOffer", args: [id] }),
      withdraw: () => encodeFunctionData({ abi: w.swap.abi, functionName: "withdraw", args: [w.reentrant.address] }),
      createOffer: () =>
        encodeFunctionData({
          abi: w.swap.abi,
          functionName: "createOffer",
          args: offerArgs(defaultOffer(w, { sellToken: w.reentrant.address, sellAmount: 1n })),
        }),
    });

    it("reaches the escrow from inside a transfer (control: an unguarded view succeeds)", async () => {
      const w = await world();
      const R = w.reentrant.address;
      const id = await createOffer(w, { sellToken: R, sellAmount: 100n, buyAmount: 100n });
      await w.reentrant.write.arm([w.swap.address, encodeFunctionData({ abi: w.swap.abi, functionName: "quoteFill", args: [id, 50n] })]);
      await w.swap.write.fillOffer([id, 10n], { account: w.taker.account });
      assert.equal(await w.reentrant.read.reentryAttempts(), 1n);
      assert.equal(await w.reentrant.read.lastReentrySucceeded(), true);
    });

    for (const inner of ["fillOffer", "cancelOffer", "withdraw", "createOffer"] as const) {
      it(`refuses ${inner} re-entered while a fill pays out the sell token`, async () => {
        const w = await world();
        const R = w.reentrant.address;
        const id = await createOffer(w, { sellToken: R, sellAmount: 100n, buyAmount: 100n });
        const data = swapData(w);
        await w.reentrant.write.arm([w.swap.address, inner === "withdraw" || inner === "createOffer" ? data[inner]() : data[inner](id)]);
        await expectBalanceChanges(R, () => w.swap.write.fillOffer([id, 60n], { account: w.taker.account }), [
          [w.taker.account.address, 60n],
          [w.maker.account.address, 0n],
          [w.swap.address, -60n],
        ]);
        await expectReentryRefused(w, 0n);
        const offer = await w.swap.read.getOffer([id]);
        assert.equal(offer.sellRemaining, 40n);
        assert.equal(offer.status, OfferStatus.Open);
        assert.equal(await w.swap.read.offerCount(), 1n);
        assert.equal(await balanceOf(w.tokenB.address, w.maker.account.address), START_TOKENS + 60n);
      });
    }

    it("refuses a re-entry while a fill pays the price in the re-entrant token", async () => {
      const w = await world();
      const R = w.reentrant.address;
      const id = await createOffer(w, { sellAmount: 10n, buyToken: R, buyAmount: 50n });
      await w.reentrant.write.arm([w.swap.address, swapData(w).fillOffer(id)]);
      await expectBalanceChanges(R, () => w.swap.write.fillOffer([id, 4n], { account: w.taker.account }), [
        [w.taker.account.address, -20n],
        [w.maker.account.address, 20n],
        [w.swap.address, 0n],
      ]);
      await expectReentryRefused(w, 0n);
      assert.equal((await w.swap.read.getOffer([id])).sellRemaining, 6n);
    });

    it("refuses a second cancel re-entered from the refund, refunding once", async () => {
      const w = await world();
      const R = w.reentrant.address;
      const id = await createOffer(w, { sellToken: R, sellAmount: 100n });
      await createOffer(w, { sellToken: R, sellAmount: 50n }); // another offer's escrow must stay put
      await w.reentrant.write.arm([w.swap.address, swapData(w).cancelOffer(id)]);
      await expectBalanceChanges(R, () => w.swap.write.cancelOffer([id], { account: w.maker.account }), [
        [w.maker.account.address, 100n],
        [w.swap.address, -100n],
      ]);
      await expectReentryRefused(w, 0n);
      assert.equal(await balanceOf(R, w.swap.address), 50n);
      assert.equal((await w.swap.read.getOffer([id])).status, OfferStatus.Cancelled);
    });

    it("refuses re-entry from the intake of createOffer and openDeal", async () => {
      const w = await world();
      const R = w.reentrant.address;
      await w.reentrant.write.arm([w.swap.address, swapData(w).createOffer()]);
      await createOffer(w, { sellToken: R, sellAmount: 100n });
      await expectReentryRefused(w, 0n);
      assert.equal(await w.swap.read.offerCount(), 1n);
      assert.equal(await balanceOf(R, w.swap.address), 100n);
      await w.reentrant.write.arm([w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "takeDeal", args: [1n] })]);
      await openDeal(w, { token: R, amount: 100n });
      await expectReentryRefused(w, 1n);
      assert.equal((await w.deal.read.getDeal([1n])).status, DealStatus.Listed);
      assert.equal(await balanceOf(R, w.deal.address), 100n);
    });

    for (const inner of ["release", "cancelDeal", "resolve"] as const) {
      it(`refuses ${inner} re-entered while release pays the buyer, paying once`, async () => {
        const w = await world();
        const R = w.reentrant.address;
        const id = await dealIn(w, "Disputed", { token: R, amount: 300n });
        await dealIn(w, "Disputed", { token: R, amount: 5n }); // another deal's escrow must stay put
        const data =
          inner === "resolve"
            ? encodeFunctionData({ abi: w.deal.abi, functionName: "resolve", args: [id, 0] })
            : encodeFunctionData({ abi: w.deal.abi, functionName: inner, args: [id] });
        await w.reentrant.write.arm([w.deal.address, data]);
        await expectBalanceChanges(R, () => w.deal.write.release([id], { account: w.seller.account }), [
          [w.buyer.account.address, 300n],
          [w.seller.account.address, 0n],
          [w.deal.address, -300n],
        ]);
        await expectReentryRefused(w, 0n);
        assert.equal((await w.deal.read.getDeal([id])).status, DealStatus.Released);
        assert.equal(await balanceOf(R, w.deal.address), 5n);
      });
    }

    it("refuses withdraw re-entered by an account holding a real credit, which survives", async () => {
      const w = await world();
      const R = w.reentrant.address;
      // the token contract has no receive(), so an ETH deal released to it leaves it a credit
      const ethAmount = parseEther("1");
      await w.deal.write.openDeal(dealArgs(defaultDeal(w, { token: ETH, amount: ethAmount, buyer: R })), {
        account: w.seller.account,
        value: ethAmount,
      });
      await w.reentrant.write.arm([w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "takeDeal", args: [1n] })]);
      await w.reentrant.write.transfer([w.other.account.address, 1n], { account: w.buyer.account }); // takes deal 1 as R
      assert.equal(await w.reentrant.read.lastReentrySucceeded(), true);
      await w.reentrant.write.disarm();
      await w.deal.write.release([1n], { account: w.seller.account });
      assert.equal(await w.deal.read.withdrawable([ETH, R]), ethAmount);

      const id = await dealIn(w, "Paid", { token: R, amount: 300n });
      await w.reentrant.write.arm([w.deal.address, encodeFunctionData({ abi: w.deal.abi, functionName: "withdraw", args: [ETH] })]);
      await w.deal.write.release([id], { account: w.seller.account });
      await expectReentryRefused(w, 1n);
      assert.equal(await w.deal.read.withdrawable([ETH, R]), ethAmount);
      assert.equal(await balanceOf(ETH, w.deal.address), ethAmount);
      assert.equal(await balanceOf(R, w.buyer.account.address), START_TOKENS - 1n + 300n);
    });

    it("is refused as UnsupportedToken, not a panic, when a price transfer shrinks the maker's balance", async () => {
      const w = await world();
      const R = w.reentrant.address;
      const id = await createOffer(w, { sellAmount: 10n, buyToken: R, buyAmount: 50n });
      // the maker lets the token move its funds; the callback then takes more than the price away
      await w.reentrant.write.approve([R, 1000n], { account: w.maker.account });
      await w.reentrant.write.arm([
        R,
        encodeFunctionData({ abi: w.reentrant.abi, functionName: "transferFrom", args: [w.maker.account.address, w.other.account.address, 1000n] }),
      ]);
      await assertions.revertWithCustomErrorWithArgs(w.swap.write.fillOffer([id, 10n], { account: w.taker.account }), w.swap, "UnsupportedToken", [
        addr(R),
      ]);
      assert.equal((await w.swap.read.getOffer([id])).sellRemaining, 10n);
      assert.equal(await balanceOf(R, w.maker.account.address), START_TOKENS);
    });

    it("behaves like a plain token once disarmed", async () => {
      const w = await world();
      await w.reentrant.write.arm([w.swap.address, "0x"]);
      await w.reentrant.write.disarm();
      assert.equal(await w.reentrant.read.reentryTarget(), "0x0000000000000000000000000000000000000000");
      await createOffer(w, { sellToken: w.reentrant.address, sellAmount: 10n });
      assert.equal(await w.reentrant.read.reentryAttempts(), 0n);
    });
  });
});
