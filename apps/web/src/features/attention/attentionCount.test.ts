import { DealStatus, type DealWithId } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { arbiter, buyer, deal, seller } from "../../../test/fixtures/testDeal";
import { attentionCount } from "./attentionCount";

const withId = (id: bigint, status: number): DealWithId => ({ ...deal(status), id });

describe("attentionCount", () => {
  const deals = [withId(1n, DealStatus.Disputed), withId(2n, DealStatus.Paid), withId(3n, DealStatus.Released), withId(2n, DealStatus.Paid)];

  it("counts what waits on the account from public deal data, without signing in to the room", () => {
    expect(attentionCount({ deals, account: arbiter, now: 1_000n, unread: undefined })).toEqual({ waiting: 1, unread: 0, total: 1 });
    // the same deal listed twice (seller and buyer lists) counts once
    expect(attentionCount({ deals, account: seller, now: 1_000n, unread: undefined })).toEqual({ waiting: 1, unread: 0, total: 1 });
    expect(attentionCount({ deals, account: buyer, now: 1_000n, unread: undefined }).total).toBe(0);
  });

  it("adds the room's unread messages once signed in", () => {
    expect(attentionCount({ deals, account: seller, now: 1_000n, unread: 3 })).toEqual({ waiting: 1, unread: 3, total: 4 });
  });

  it("falls back to the room's own count while the indexer cannot answer", () => {
    expect(attentionCount({ deals: undefined, account: seller, now: 1_000n, unread: 1, roomWaiting: 2 })).toEqual({
      waiting: 2,
      unread: 1,
      total: 3,
    });
    expect(attentionCount({ deals: undefined, account: seller, now: 1_000n, unread: undefined }).total).toBe(0);
  });

  it("counts a deal key the seller's browser still owes the buyer (or either party the arbiter)", () => {
    expect(attentionCount({ deals: [], account: seller, now: 1_000n, unread: 0, keysToShare: 1 })).toEqual({ waiting: 1, unread: 0, total: 1 });
  });

  it("counts nothing without an account or a clock", () => {
    expect(attentionCount({ deals, account: undefined, now: 1_000n, unread: undefined }).total).toBe(0);
    expect(attentionCount({ deals, account: seller, now: undefined, unread: undefined }).total).toBe(0);
  });
});
