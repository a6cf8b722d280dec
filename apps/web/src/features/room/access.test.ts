import { DealStatus, type Deal } from "@peerlock/sdk";
import { type Address, zeroAddress, zeroHash } from "viem";
import { describe, expect, it } from "vitest";
import { canReadPrivate, canUseRoom, roomRole } from "./access";

const seller: Address = "0x1000000000000000000000000000000000000001";
const buyer: Address = "0x2000000000000000000000000000000000000002";
const arbiter: Address = "0x3000000000000000000000000000000000000003";
const stranger: Address = "0x4000000000000000000000000000000000000004";
const everyone = [seller, buyer, arbiter, stranger] as const;
const deal = (status: number, b: `0x${string}` = buyer): Deal => ({
  seller,
  buyer: b,
  token: zeroAddress,
  arbiter,
  amount: 1n,
  arbiterFeeBps: 0,
  paymentWindow: 3600,
  paymentDeadline: 0n,
  status,
  termsHash: zeroHash,
});

describe("who reads what (SPEC Deal room)", () => {
  it("lets the seller in always, the buyer once taken, the arbiter once disputed, nobody else", () => {
    const listed = deal(DealStatus.Listed, zeroAddress);
    expect(everyone.map((a: Address) => canReadPrivate(listed, a))).toEqual([true, false, false, false]);
    const reserved = deal(DealStatus.Listed); // a named buyer has not taken it yet
    expect(canReadPrivate(reserved, buyer)).toBe(false);
    expect(canUseRoom(reserved, buyer)).toBe(false);
    for (const status of [DealStatus.Taken, DealStatus.Paid]) {
      expect(everyone.map((a: Address) => canUseRoom(deal(status), a))).toEqual([true, true, false, false]);
    }
    expect(everyone.map((a: Address) => canReadPrivate(deal(DealStatus.Disputed), a))).toEqual([true, true, true, false]);
    expect(canUseRoom(deal(DealStatus.Resolved), arbiter)).toBe(true);
    expect(roomRole(deal(DealStatus.Taken), undefined)).toBe("visitor");
  });
});
