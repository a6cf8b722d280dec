// The First Load JS budget (issue 19): every page's JavaScript, gzipped, at or under 235 KiB; the
// goal is 222 KiB, 1.2x a bare Next 16 + wagmi 3 page measured the same way (184.7 KiB).
export const FIRST_LOAD_BUDGET_KIB = 235;
export const FIRST_LOAD_GOAL_KIB = 222;

export type RouteSize = { route: string; rawBytes: number; gzipBytes: number };
export type RouteVerdict = RouteSize & { kib: number; overBudget: boolean; overGoal: boolean };

/** Pages only: API routes send no JavaScript to the browser. */
export function isPageRoute(route: string): boolean {
  return !route.startsWith("/api/") && route !== "/api";
}

/** Each page's gzipped size in KiB against the budget, sorted by route. */
export function judgeRoutes(rows: readonly RouteSize[], budgetKiB = FIRST_LOAD_BUDGET_KIB, goalKiB = FIRST_LOAD_GOAL_KIB): RouteVerdict[] {
  return rows
    .filter((r) => isPageRoute(r.route))
    .map((r) => {
      const kib = r.gzipBytes / 1024;
      return { ...r, kib, overBudget: kib > budgetKiB, overGoal: kib > goalKiB };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

/** One line per route, e.g. "/deals/[id]   812.3 KiB raw  221.4 KiB gzip  ok". */
export function formatVerdict(v: RouteVerdict): string {
  const raw = (v.rawBytes / 1024).toFixed(1).padStart(7);
  const gz = v.kib.toFixed(1).padStart(6);
  const mark = v.overBudget ? "OVER BUDGET" : v.overGoal ? "within budget, over goal" : "ok";
  return `  ${v.route.padEnd(18)} ${raw} KiB raw  ${gz} KiB gzip  ${mark}`;
}
