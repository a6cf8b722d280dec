import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { arbiter, buyer, deal, seller } from "../../../test/fixtures/testDeal";
import { dealActions, dealRole, isPaymentOverdue, type DealAction } from "./actions";

const stranger = "0x4000000000000000000000000000000000000004" as Address;

const enabled = (d: Deal, who: Address, now = 1_000n): DealAction[] =>
  dealActions(d, who, now)
    .filter((a) => a.enabled)
    .map((a) => a.action);

describe("dealRole", () => {
  it("finds the viewer's single role", () => {
    const d = deal(DealStatus.Taken);
    expect(dealRole(d, seller)).toBe("seller");
    expect(dealRole(d, buyer)).toBe("buyer");
    expect(dealRole(d, arbiter)).toBe("arbiter");
    expect(dealRole(d, stranger)).toBe("visitor");
    expect(dealRole(d, undefined)).toBe("visitor");
  });
});

describe("dealActions follows the spec's table", () => {
  it("Listed: anyone but seller and arbiter takes; the seller cancels", () => {
    const d = deal(DealStatus.Listed);
    expect(enabled(d, stranger)).toEqual(["take"]);
    expect(enabled(d, seller)).toEqual(["cancel"]);
    expect(enabled(d, arbiter)).toEqual([]);
  });

  it("Listed with a named buyer: only that buyer takes", () => {
    const d = deal(DealStatus.Listed, { buyer });
    expect(enabled(d, buyer)).toEqual(["take"]);
    const other = dealActions(d, stranger, 0n);
    expect(other).toEqual([{ action: "take", enabled: false, reason: expect.stringMatching(/reserved/) }]);
  });

  it("Taken: buyer marks paid until the deadline, may cancel; seller releases", () => {
    const d = deal(DealStatus.Taken);
    expect(enabled(d, buyer, 5_000n)).toEqual(["markPaid", "cancel"]);
    expect(enabled(d, buyer, 5_001n)).toEqual(["cancel"]);
    expect(enabled(d, seller, 5_000n)).toEqual(["release"]);
    expect(enabled(d, seller, 5_001n)).toEqual(["release", "cancel"]);
    expect(dealActions(d, seller, 5_000n).find((a) => a.action === "cancel")?.reason).toMatch(/payment window/);
  });

  it("Paid: both sides may dispute; seller releases; buyer cancels", () => {
    const d = deal(DealStatus.Paid);
    expect(enabled(d, seller)).toEqual(["release", "dispute"]);
    expect(enabled(d, buyer)).toEqual(["dispute", "cancel"]);
    expect(enabled(d, arbiter)).toEqual([]);
  });

  it("Disputed: the arbiter resolves; either side can still end it", () => {
    const d = deal(DealStatus.Disputed);
    expect(enabled(d, arbiter)).toEqual(["resolve"]);
    expect(enabled(d, seller)).toEqual(["release"]);
    expect(enabled(d, buyer)).toEqual(["cancel"]);
    expect(enabled(d, stranger)).toEqual([]);
  });

  it("settled deals offer nothing", () => {
    for (const s of [DealStatus.Released, DealStatus.Refunded, DealStatus.Resolved]) {
      for (const who of [seller, buyer, arbiter, stranger]) expect(dealActions(deal(s), who, 0n)).toEqual([]);
    }
  });

  it("offers nothing without a connected account", () => {
    expect(dealActions(deal(DealStatus.Listed), undefined, 0n)).toEqual([]);
  });
});

describe("isPaymentOverdue", () => {
  it("is true only for a Taken deal strictly past its deadline", () => {
    expect(isPaymentOverdue(deal(DealStatus.Taken), 5_000n)).toBe(false);
    expect(isPaymentOverdue(deal(DealStatus.Taken), 5_001n)).toBe(true);
    expect(isPaymentOverdue(deal(DealStatus.Paid), 9_999n)).toBe(false);
  });
});
