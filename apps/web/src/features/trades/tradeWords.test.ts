import { describe, expect, it } from "vitest";
import { tradePageTitle } from "./tradeWords";

describe("tradePageTitle", () => {
  it("names the trade and its id", () => {
    expect(tradePageTitle("offer", 12n)).toBe("Offer #12");
    expect(tradePageTitle("deal", 7n)).toBe("Deal #7");
  });

  it("says the link is not a trade link when there is no id, with the right article", () => {
    expect(tradePageTitle("offer", null)).toBe("Not an offer link");
    expect(tradePageTitle("deal", null)).toBe("Not a deal link");
  });
});
