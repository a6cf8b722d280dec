import { DealStatus } from "@peerlock/sdk";
import type { Address, Hash } from "viem";
import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "@/features/events/history";
import { dealOutcome } from "./outcome";

const seller = "0x1000000000000000000000000000000000000001" as Address;
const buyer = "0x2000000000000000000000000000000000000002" as Address;
const arbiter = "0x3000000000000000000000000000000000000003" as Address;
const base = { seller, buyer, arbiter, amount: 1_000n };
const entry = (eventName: string, args: Record<string, unknown>): HistoryEntry => ({
  eventName,
  args,
  blockNumber: 1n,
  logIndex: 0,
  transactionHash: `0x${"00".repeat(32)}` as Hash,
});

describe("dealOutcome", () => {
  it("is undefined while the deal is open", () => {
    for (const status of [DealStatus.Listed, DealStatus.Taken, DealStatus.Paid, DealStatus.Disputed]) {
      expect(dealOutcome({ ...base, status }, [])).toBeUndefined();
    }
  });

  it("names who received the escrow on release and on refund", () => {
    expect(dealOutcome({ ...base, status: DealStatus.Released }, [])).toEqual({
      summary: "Released by the seller",
      payouts: [{ role: "buyer", address: buyer, amount: 1_000n }],
    });
    const refunded = dealOutcome({ ...base, status: DealStatus.Refunded }, [entry("DealRefunded", { by: buyer })]);
    expect(refunded?.summary).toBe("Cancelled by the buyer; refunded to the seller");
    expect(refunded?.payouts).toEqual([{ role: "seller", address: seller, amount: 1_000n }]);
  });

  it("takes a resolution's split from its DealResolved event, leaving out zero payouts", () => {
    expect(dealOutcome({ ...base, status: DealStatus.Resolved }, [])).toBeUndefined();
    const history = [entry("DealDisputed", { by: buyer }), entry("DealResolved", { toBuyer: 600n, toSeller: 390n, fee: 10n })];
    expect(dealOutcome({ ...base, status: DealStatus.Resolved }, history)?.payouts).toEqual([
      { role: "buyer", address: buyer, amount: 600n },
      { role: "seller", address: seller, amount: 390n },
      { role: "arbiter", address: arbiter, amount: 10n },
    ]);
    const allToSeller = [entry("DealResolved", { toBuyer: 0n, toSeller: 1_000n, fee: 0n })];
    expect(dealOutcome({ ...base, status: DealStatus.Resolved }, allToSeller)?.payouts.map((p) => p.role)).toEqual(["seller"]);
  });
});
