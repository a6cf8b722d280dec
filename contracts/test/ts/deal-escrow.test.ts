import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parseEther, zeroHash } from "viem";
import { anyValue } from "@nomicfoundation/hardhat-viem-assertions/predicates";
import { world, expectBalanceChanges, balanceOf, type World } from "./helpers/fixtures.ts";
import {
  MATRIX_STATES,
  ONE_DAY,
  TERMS_HASH,
  dealArgs,
  dealIn,
  dealsAfterDeadline,
  dealsInEveryStatus,
  defaultDeal,
  openDeal,
  type MatrixState,
} from "./helpers/deals.ts";
import { DealStatus, ETH, MAX_AMOUNT, ONE, ZERO, addr, atNextBlock, loadFixture, now, viem } from "./helpers/setup.ts";

const { assertions } = viem;

type Role = "seller" | "buyer" | "arbiter" | "other";
type Action = "takeDeal" | "markPaid" | "release" | "cancelDeal" | "dispute" | "resolve";
type Outcome = "ok" | "InvalidStatus" | "NotAllowed" | "PaymentWindowOver" | "PaymentWindowOpen";

const ROLES: Role[] = ["seller", "buyer", "arbiter", "other"];
const ACTIONS: Action[] = ["takeDeal", "markPaid", "release", "cancelDeal", "dispute", "resolve"];

/** Where each successful action leads. */
const TARGET: Record<Action, number> = {
  takeDeal: DealStatus.Taken,
  markPaid: DealStatus.Paid,
  release: DealStatus.Released,
  cancelDeal: DealStatus.Refunded,
  dispute: DealStatus.Disputed,
  resolve: DealStatus.Resolved,
};

/**
 * The SPEC's transition table written as a function, including the check order the
 * implementation chose: status first (InvalidStatus), then caller (NotAllowed), then time;
 * cancelDeal decides by caller first.
 */
function expected(action: Action, state: MatrixState, role: Role): Outcome {
  const status = state === "ListedToBuyer" ? "Listed" : state === "TakenLate" ? "Taken" : state;
  const late = state === "TakenLate";
  // who the contract sees: an unknown deal has no parties; a listing to anyone has no buyer yet
  const isSeller = role === "seller" && state !== "None";
  const isBuyer = role === "buyer" && state !== "None" && state !== "Listed";
  const inEscrow = status === "Taken" || status === "Paid" || status === "Disputed";
  switch (action) {
    case "takeDeal":
      if (status !== "Listed") return "InvalidStatus";
      if (state === "ListedToBuyer") return role === "buyer" ? "ok" : "NotAllowed";
      return role === "seller" || role === "arbiter" ? "NotAllowed" : "ok";
    case "markPaid":
      if (status !== "Taken") return "InvalidStatus";
      if (!isBuyer) return "NotAllowed";
      return late ? "PaymentWindowOver" : "ok";
    case "release":
      if (!inEscrow) return "InvalidStatus";
      return isSeller ? "ok" : "NotAllowed";
    case "cancelDeal":
      if (isSeller) {
        if (status === "Taken") return late ? "ok" : "PaymentWindowOpen";
        return status === "Listed" ? "ok" : "InvalidStatus";
      }
      if (isBuyer) return inEscrow ? "ok" : "InvalidStatus";
      return "NotAllowed";
    case "dispute":
      if (status !== "Paid") return "InvalidStatus";
      return isSeller || isBuyer ? "ok" : "NotAllowed";
    case "resolve":
      if (status !== "Disputed") return "InvalidStatus";
      return role === "arbiter" ? "ok" : "NotAllowed";
  }
}

function call(w: World, action: Action, id: bigint, role: Role) {
  const account = w[role].account;
  if (action === "resolve") return w.deal.write.resolve([id, 5000], { account });
  return w.deal.write[action]([id], { account });
}

describe("DealEscrow", () => {
  describe("transition table", () => {
    for (const state of MATRIX_STATES) {
      for (const action of ACTIONS) {
        for (const role of ROLES) {
          const outcome = expected(action, state, role);
          it(`${action} by ${role} on a ${state} deal: ${outcome}`, async () => {
            const { w, ids } = await loadFixture(state === "TakenLate" ? dealsAfterDeadline : dealsInEveryStatus);
            const id = ids[state];
            if (outcome !== "ok") {
              await assertions.revertWithCustomError(call(w, action, id, role), w.deal, outcome);
              return;
            }
            const hash = await call(w, action, id, role);
            assert.equal((await w.deal.read.getDeal([id])).status, TARGET[action]);
            const by = w[role].account.address;
            if (action === "takeDeal") await assertions.emitWithArgs(hash, w.deal, "DealTaken", [id, by, anyValue]);
            if (action === "markPaid") await assertions.emitWithArgs(hash, w.deal, "DealPaid", [id]);
            if (action === "release") await assertions.emitWithArgs(hash, w.deal, "DealReleased", [id]);
            if (action === "cancelDeal") await assertions.emitWithArgs(hash, w.deal, "DealRefunded", [id, by]);
            if (action === "dispute") await assertions.emitWithArgs(hash, w.deal, "DealDisputed", [id, by]);
            if (action === "resolve") {
              await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 5000, anyValue, anyValue, anyValue]);
            }
          });
        }
      }
    }
  });

  describe("openDeal", () => {
    it("starts with no deals and returns the zero deal for unknown ids", async () => {
      const { deal } = await world();
      assert.equal(await deal.read.dealCount(), 0n);
      const empty = await deal.read.getDeal([0n]);
      assert.equal(empty.status, DealStatus.None);
      assert.equal(empty.seller, ZERO);
      assert.equal((await deal.read.getDeal([1n])).amount, 0n);
    });

    it("exposes its limits as constants", async () => {
      const { deal } = await world();
      assert.equal(await deal.read.BPS(), 10_000n);
      assert.equal(await deal.read.MAX_ARBITER_FEE_BPS(), 1000);
      assert.equal(await deal.read.MIN_PAYMENT_WINDOW(), 300);
      assert.equal(await deal.read.MAX_PAYMENT_WINDOW(), 30 * ONE_DAY);
    });

    it("gives ids from 1 counting up and returns the id", async () => {
      const w = await world();
      const { result } = await w.deal.simulate.openDeal(dealArgs(defaultDeal(w)), { account: w.seller.account.address });
      assert.equal(result, 1n);
      for (const expectedId of [1n, 2n, 3n]) {
        assert.equal(await openDeal(w), expectedId);
        assert.equal(await w.deal.read.dealCount(), expectedId);
      }
    });

    it("locks the ERC-20 amount, stores every field and emits DealOpened", async () => {
      const w = await world();
      const p = defaultDeal(w, { buyer: w.buyer.account.address, arbiterFeeBps: 1000, paymentWindow: 300 });
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.deal.write.openDeal(dealArgs(p), { account: w.seller.account }), [
        [w.seller.account.address, -p.amount],
        [w.deal.address, p.amount],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "DealOpened", [
        1n,
        w.seller.account.address,
        w.buyer.account.address,
        w.tokenA.address,
        p.amount,
        w.arbiter.account.address,
        1000,
        300,
        TERMS_HASH,
      ]);
      assert.deepEqual(await w.deal.read.getDeal([1n]), {
        seller: addr(w.seller.account.address),
        buyer: addr(w.buyer.account.address),
        token: addr(w.tokenA.address),
        arbiter: addr(w.arbiter.account.address),
        amount: p.amount,
        arbiterFeeBps: 1000,
        paymentWindow: 300,
        paymentDeadline: 0n,
        status: DealStatus.Listed,
        termsHash: TERMS_HASH,
      });
    });

    it("locks ETH sent as the exact msg.value, listed to anyone, with empty terms", async () => {
      const w = await world();
      const p = defaultDeal(w, { token: ETH, amount: parseEther("4"), termsHash: zeroHash, arbiterFeeBps: 0, paymentWindow: 30 * ONE_DAY });
      const hash = await expectBalanceChanges(ETH, () => w.deal.write.openDeal(dealArgs(p), { account: w.seller.account, value: p.amount }), [
        [w.seller.account.address, -p.amount],
        [w.deal.address, p.amount],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "DealOpened", [
        1n,
        w.seller.account.address,
        ZERO,
        ETH,
        p.amount,
        w.arbiter.account.address,
        0,
        30 * ONE_DAY,
        zeroHash,
      ]);
      const d = await w.deal.read.getDeal([1n]);
      assert.equal(d.token, ETH);
      assert.equal(d.buyer, ZERO);
      assert.equal(d.termsHash, zeroHash);
    });

    it("reverts ZeroAmount for 0, AmountTooLarge for 2^128", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { amount: 0n })), { account: w.seller.account }),
        w.deal,
        "ZeroAmount",
      );
      await assertions.revertWithCustomError(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { amount: MAX_AMOUNT + 1n })), { account: w.seller.account }),
        w.deal,
        "AmountTooLarge",
      );
    });

    it("reverts InvalidBuyer when the seller names itself", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { buyer: w.seller.account.address })), { account: w.seller.account }),
        w.deal,
        "InvalidBuyer",
      );
    });

    it("reverts InvalidArbiter for zero, the seller or the named buyer", async () => {
      const w = await world();
      const bad = [{ arbiter: ZERO }, { arbiter: w.seller.account.address }, { arbiter: w.buyer.account.address, buyer: w.buyer.account.address }];
      for (const o of bad) {
        await assertions.revertWithCustomError(
          w.deal.write.openDeal(dealArgs(defaultDeal(w, o)), { account: w.seller.account }),
          w.deal,
          "InvalidArbiter",
        );
      }
    });

    it("accepts a 1000 bps fee and reverts FeeTooHigh at 1001", async () => {
      const w = await world();
      await assertions.revertWithCustomError(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { arbiterFeeBps: 1001 })), { account: w.seller.account }),
        w.deal,
        "FeeTooHigh",
      );
      const id = await openDeal(w, { arbiterFeeBps: 1000 });
      assert.equal((await w.deal.read.getDeal([id])).arbiterFeeBps, 1000);
    });

    it("accepts windows of 5 minutes and 30 days, reverts InvalidWindow just outside", async () => {
      const w = await world();
      for (const paymentWindow of [0, 299, 30 * ONE_DAY + 1, 2 ** 32 - 1]) {
        await assertions.revertWithCustomError(
          w.deal.write.openDeal(dealArgs(defaultDeal(w, { paymentWindow })), { account: w.seller.account }),
          w.deal,
          "InvalidWindow",
        );
      }
      for (const paymentWindow of [300, 30 * ONE_DAY]) {
        const id = await openDeal(w, { paymentWindow });
        assert.equal((await w.deal.read.getDeal([id])).paymentWindow, paymentWindow);
      }
    });

    it("reverts InvalidValue for a wrong ETH amount or ETH sent with an ERC-20", async () => {
      const w = await world();
      const ethDeal = dealArgs(defaultDeal(w, { token: ETH, amount: 1000n }));
      for (const value of [0n, 999n, 1001n]) {
        await assertions.revertWithCustomError(w.deal.write.openDeal(ethDeal, { account: w.seller.account, value }), w.deal, "InvalidValue");
      }
      await assertions.revertWithCustomError(
        w.deal.write.openDeal(dealArgs(defaultDeal(w)), { account: w.seller.account, value: 1n }),
        w.deal,
        "InvalidValue",
      );
    });

    it("reverts UnsupportedToken(token) for a token without code", async () => {
      const w = await world();
      const noCode = w.other.account.address;
      await assertions.revertWithCustomErrorWithArgs(
        w.deal.write.openDeal(dealArgs(defaultDeal(w, { token: noCode })), { account: w.seller.account }),
        w.deal,
        "UnsupportedToken",
        [addr(noCode)],
      );
    });
  });

  describe("takeDeal", () => {
    it("sets the buyer and the deadline now + window, and emits DealTaken", async () => {
      const w = await world();
      const id = await openDeal(w, { paymentWindow: 3600 });
      const t = (await now()) + 10n;
      await atNextBlock(t);
      const hash = await w.deal.write.takeDeal([id], { account: w.other.account });
      await assertions.emitWithArgs(hash, w.deal, "DealTaken", [id, w.other.account.address, t + 3600n]);
      const d = await w.deal.read.getDeal([id]);
      assert.equal(d.buyer, addr(w.other.account.address));
      assert.equal(d.paymentDeadline, t + 3600n);
      assert.equal(d.status, DealStatus.Taken);
    });
  });

  describe("payment deadline", () => {
    async function takenAt() {
      const w = await world();
      const id = await openDeal(w, { paymentWindow: 600 });
      const t = (await now()) + 10n;
      await atNextBlock(t);
      await w.deal.write.takeDeal([id], { account: w.buyer.account });
      return { w, id, deadline: t + 600n };
    }

    it("accepts markPaid at exactly the deadline", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      await atNextBlock(deadline);
      await assertions.emitWithArgs(w.deal.write.markPaid([id], { account: w.buyer.account }), w.deal, "DealPaid", [id]);
    });

    it("reverts PaymentWindowOver one second after the deadline", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      await atNextBlock(deadline + 1n);
      await assertions.revertWithCustomError(w.deal.write.markPaid([id], { account: w.buyer.account }), w.deal, "PaymentWindowOver");
    });

    it("reverts PaymentWindowOpen when the seller cancels before or at the deadline", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      for (const t of [deadline - 1n, deadline]) {
        await atNextBlock(t);
        await assertions.revertWithCustomError(w.deal.write.cancelDeal([id], { account: w.seller.account }), w.deal, "PaymentWindowOpen");
      }
    });

    it("lets the seller cancel one second after the deadline and refunds it", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      await atNextBlock(deadline + 1n);
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.deal.write.cancelDeal([id], { account: w.seller.account }), [
        [w.seller.account.address, 1000n * ONE],
        [w.deal.address, -1000n * ONE],
        [w.buyer.account.address, 0n],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "DealRefunded", [id, w.seller.account.address]);
    });

    it("lets the buyer cancel after the deadline too", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      await atNextBlock(deadline + 100n);
      await w.deal.write.cancelDeal([id], { account: w.buyer.account });
      assert.equal((await w.deal.read.getDeal([id])).status, DealStatus.Refunded);
    });

    it("lets the seller release a Paid deal long after the deadline", async () => {
      const { w, id, deadline } = await loadFixture(takenAt);
      await w.deal.write.markPaid([id], { account: w.buyer.account });
      await atNextBlock(deadline + 10n * BigInt(ONE_DAY));
      await assertions.revertWithCustomError(w.deal.write.cancelDeal([id], { account: w.seller.account }), w.deal, "InvalidStatus");
      await w.deal.write.release([id], { account: w.seller.account });
    });
  });

  describe("money", () => {
    for (const [kind, isEth] of [
      ["ERC-20", false],
      ["ETH", true],
    ] as const) {
      const amount = isEth ? parseEther("10") : 1000n * ONE;
      const token = (w: World) => (isEth ? ETH : w.tokenA.address);

      it(`release pays the whole ${kind} amount to the buyer`, async () => {
        const w = await world();
        const id = await dealIn(w, "Paid", { token: token(w), amount });
        await expectBalanceChanges(token(w), () => w.deal.write.release([id], { account: w.seller.account }), [
          [w.buyer.account.address, amount],
          [w.deal.address, -amount],
          [w.seller.account.address, 0n],
        ]);
      });

      it(`a buyer cancel refunds the whole ${kind} amount to the seller`, async () => {
        const w = await world();
        const id = await dealIn(w, "Disputed", { token: token(w), amount });
        await expectBalanceChanges(token(w), () => w.deal.write.cancelDeal([id], { account: w.buyer.account }), [
          [w.seller.account.address, amount],
          [w.deal.address, -amount],
          [w.buyer.account.address, 0n],
        ]);
      });

      it(`a seller cancel of a listed ${kind} deal refunds it`, async () => {
        const w = await world();
        const id = await dealIn(w, "Listed", { token: token(w), amount });
        await expectBalanceChanges(token(w), () => w.deal.write.cancelDeal([id], { account: w.seller.account }), [
          [w.seller.account.address, amount],
          [w.deal.address, -amount],
        ]);
      });

      it(`resolve splits ${kind} with the fee and the buyer share rounded down, the rest to the seller`, async () => {
        const w = await world();
        const odd = 10_001n;
        // fee = 10001 * 333 / 10000 = 333 (333.03); rest 9668; buyer = 9668 * 3333 / 10000 = 3222 (3222.34)
        const id = await dealIn(w, "Disputed", { token: token(w), amount: odd, arbiterFeeBps: 333 });
        const hash = await expectBalanceChanges(token(w), () => w.deal.write.resolve([id, 3333], { account: w.arbiter.account }), [
          [w.arbiter.account.address, 333n],
          [w.buyer.account.address, 3222n],
          [w.seller.account.address, 6446n],
          [w.deal.address, -odd],
        ]);
        await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 3333, 3222n, 6446n, 333n]);
      });
    }

    it("resolve with no fee, all to the buyer, pays the arbiter nothing", async () => {
      const w = await world();
      const id = await dealIn(w, "Disputed", { amount: 999n, arbiterFeeBps: 0 });
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.deal.write.resolve([id, 10_000], { account: w.arbiter.account }), [
        [w.arbiter.account.address, 0n],
        [w.buyer.account.address, 999n],
        [w.seller.account.address, 0n],
        [w.deal.address, -999n],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 10_000, 999n, 0n, 0n]);
    });

    it("resolve with a 0 share gives the seller everything after the fee", async () => {
      const w = await world();
      // fee = 7 * 1000 / 10000 = 0 (0.7)
      const id = await dealIn(w, "Disputed", { amount: 7n, arbiterFeeBps: 1000 });
      const hash = await w.deal.write.resolve([id, 0], { account: w.arbiter.account });
      await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 0, 0n, 7n, 0n]);
    });

    it("resolve rounds a 1-unit split down for the buyer", async () => {
      const w = await world();
      const id = await dealIn(w, "Disputed", { amount: 1n, arbiterFeeBps: 999 });
      await assertions.emitWithArgs(w.deal.write.resolve([id, 9999], { account: w.arbiter.account }), w.deal, "DealResolved", [id, 9999, 0n, 1n, 0n]);
    });

    it("resolve reverts InvalidShare above 10000 bps", async () => {
      const w = await world();
      const id = await dealIn(w, "Disputed");
      for (const share of [10_001, 65_535]) {
        await assertions.revertWithCustomError(w.deal.write.resolve([id, share], { account: w.arbiter.account }), w.deal, "InvalidShare");
      }
    });

    it("handles 2^128 - 1 through open, take, pay, dispute and resolve", async () => {
      const w = await world();
      await w.tokenA.write.mint([w.seller.account.address, MAX_AMOUNT]);
      const id = await dealIn(w, "Disputed", { amount: MAX_AMOUNT, arbiterFeeBps: 1000 });
      const fee = (MAX_AMOUNT * 1000n) / 10_000n;
      const toBuyer = ((MAX_AMOUNT - fee) * 7777n) / 10_000n;
      const toSeller = MAX_AMOUNT - fee - toBuyer;
      const hash = await expectBalanceChanges(w.tokenA.address, () => w.deal.write.resolve([id, 7777], { account: w.arbiter.account }), [
        [w.arbiter.account.address, fee],
        [w.buyer.account.address, toBuyer],
        [w.deal.address, -MAX_AMOUNT],
      ]);
      await assertions.emitWithArgs(hash, w.deal, "DealResolved", [id, 7777, toBuyer, toSeller, fee]);
      assert.equal(await balanceOf(w.tokenA.address, w.deal.address), 0n);
    });

    it("keeps deals apart: one deal's payout never touches another's escrow", async () => {
      const w = await world();
      const a = await dealIn(w, "Paid", { amount: 10n });
      const b = await dealIn(w, "Paid", { amount: 20n });
      await w.deal.write.release([a], { account: w.seller.account });
      assert.equal(await balanceOf(w.tokenA.address, w.deal.address), 20n);
      await assertions.revertWithCustomError(w.deal.write.release([a], { account: w.seller.account }), w.deal, "InvalidStatus");
      await w.deal.write.cancelDeal([b], { account: w.buyer.account });
      assert.equal(await balanceOf(w.tokenA.address, w.deal.address), 0n);
    });
  });
});
