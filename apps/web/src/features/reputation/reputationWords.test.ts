import { describe, expect, it } from "vitest";
import { reputationSummary } from "./reputationWords";

describe("reputationSummary", () => {
  it("says new for an address without any record, else trades, rate and disputes", () => {
    const base = { completedTrades: 0, lapsedAsBuyer: 0, backedOutAsBuyer: 0, completionRate: null, disputesOpened: 0 } as never;
    expect(reputationSummary(base)).toBe("New: no trades yet");
    expect(reputationSummary({ ...(base as object), completedTrades: 3, lapsedAsBuyer: 1, completionRate: 0.75, disputesOpened: 1 } as never)).toBe(
      "3 trades · 75 % completed · 1 dispute opened",
    );
  });
});
