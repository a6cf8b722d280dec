import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { arbiter, buyer, deal, seller } from "../../../test/fixtures/testDeal";
import { dealRole } from "./actions";
import { dealSituation, dealWaitsFor, showsPaymentCountdown } from "./situation";

const say = (d: Deal, who: Address, now = 1_000n) => dealSituation(d, dealRole(d, who), now);

describe("dealSituation", () => {
  it("tells both sides of a disputed deal that they wait for the arbiter, and asks nothing of the buyer", () => {
    const d = deal(DealStatus.Disputed);
    for (const who of [buyer, seller]) {
      expect(say(d, who)).toMatch(/waiting for the arbiter/);
      expect(say(d, who)).not.toMatch(/pay as the terms say/);
    }
    expect(say(d, buyer)).toMatch(/^You are the buyer/);
    expect(say(d, seller)).toMatch(/^You are the seller/);
    expect(say(d, arbiter)).toMatch(/waits for your decision/);
  });

  it("asks the buyer to pay only while the payment window is open", () => {
    expect(say(deal(DealStatus.Taken), buyer)).toMatch(/pay as the terms say/);
    expect(say(deal(DealStatus.Taken), buyer, 6_000n)).toMatch(/payment window is over/);
    expect(say(deal(DealStatus.Taken), seller, 6_000n)).toMatch(/may cancel/);
  });

  it("says a finished deal is finished, for every role but visitors", () => {
    for (const status of [DealStatus.Released, DealStatus.Refunded, DealStatus.Resolved]) {
      expect(say(deal(status), buyer)).toMatch(/finished/);
      expect(say(deal(status), seller)).toMatch(/finished/);
    }
    expect(say(deal(DealStatus.Released), "0x4000000000000000000000000000000000000004")).toBe("You are not part of this deal.");
  });
});

describe("dealSituation for someone who may take the deal", () => {
  const visitor = "0x4000000000000000000000000000000000000004" as Address;
  it("invites a prospective buyer of a listed deal instead of calling them an outsider", () => {
    expect(say(deal(DealStatus.Listed), visitor)).toBe("This deal is open to anyone: take it to become its buyer, then pay as the terms say.");
  });
  it("tells a visitor of a deal reserved for someone else that they cannot take it", () => {
    expect(say(deal(DealStatus.Listed, { buyer }), visitor)).toBe("This deal is reserved for another buyer: you cannot take it.");
  });
});

describe("dealWaitsFor", () => {
  it("marks the one party whose move the deal waits for", () => {
    const who = (d: Deal, now = 1_000n) => [seller, buyer, arbiter].filter((a) => dealWaitsFor(d, a, now));
    expect(who(deal(DealStatus.Listed))).toEqual([]);
    expect(who(deal(DealStatus.Listed, { buyer }))).toEqual([buyer]);
    expect(who(deal(DealStatus.Taken))).toEqual([buyer]);
    expect(who(deal(DealStatus.Taken), 6_000n)).toEqual([seller]);
    expect(who(deal(DealStatus.Paid))).toEqual([seller]);
    expect(who(deal(DealStatus.Disputed))).toEqual([arbiter]);
    expect(who(deal(DealStatus.Released))).toEqual([]);
    expect(dealWaitsFor(deal(DealStatus.Paid), undefined, 1_000n)).toBe(false);
  });
});

describe("showsPaymentCountdown", () => {
  it("runs only while the deal is taken and unpaid", () => {
    expect(showsPaymentCountdown(deal(DealStatus.Taken))).toBe(true);
    for (const status of [DealStatus.Listed, DealStatus.Paid, DealStatus.Disputed, DealStatus.Released, DealStatus.Refunded, DealStatus.Resolved]) {
      expect(showsPaymentCountdown(deal(status))).toBe(false);
    }
  });
});
