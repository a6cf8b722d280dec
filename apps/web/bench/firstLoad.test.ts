import { describe, expect, it } from "vitest";
import { FIRST_LOAD_BUDGET_KIB, formatVerdict, judgeRoutes } from "./firstLoad";

const kib = (n: number) => Math.round(n * 1024);

describe("judgeRoutes", () => {
  it("fails a page over the budget and passes one exactly at it", () => {
    const verdicts = judgeRoutes([
      { route: "/signed", rawBytes: 1, gzipBytes: kib(235.1) },
      { route: "/", rawBytes: 1, gzipBytes: kib(FIRST_LOAD_BUDGET_KIB) },
      { route: "/me", rawBytes: 1, gzipBytes: kib(200) },
    ]);
    expect(verdicts.map((v) => [v.route, v.overBudget, v.overGoal])).toEqual([
      ["/", false, true],
      ["/me", false, false],
      ["/signed", true, true],
    ]);
  });

  it("leaves API routes out: they send no JavaScript", () => {
    expect(judgeRoutes([{ route: "/api/orders", rawBytes: 1, gzipBytes: kib(999) }])).toEqual([]);
  });

  it("names the verdict on each line", () => {
    const [over] = judgeRoutes([{ route: "/deals/[id]", rawBytes: kib(900), gzipBytes: kib(284) }]);
    expect(formatVerdict(over!)).toContain("284.0 KiB gzip  OVER BUDGET");
  });
});
