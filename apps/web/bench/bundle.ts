// First Load JS per page from a production build, against the budget in firstLoad.ts; exits 1
// when any page is over it. Needs no chain or server, only a build:
//   pnpm --filter web bench:bundle                 (builds into .next-bench first)
//   BENCH_SKIP_BUILD=1 pnpm --filter web bench:bundle   (measures the last .next-bench build)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { FIRST_LOAD_BUDGET_KIB, FIRST_LOAD_GOAL_KIB, formatVerdict, judgeRoutes } from "./firstLoad";

const log = (s: string) => console.log(s);
// Its own folder, so the numbers are of this code and no running server's build is replaced.
const webRoot = new URL("../", import.meta.url);
const distDir = ".next-bench";

if (process.env.BENCH_SKIP_BUILD !== "1") {
  log(`Building the app into ${distDir} for First Load JS (BENCH_SKIP_BUILD=1 skips)…`);
  const build = spawnSync("pnpm", ["exec", "next", "build"], {
    cwd: webRoot,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (build.status !== 0) {
    console.error(`next build failed (exit ${build.status}): no First Load JS to check.`);
    process.exit(1);
  }
}

const stats = new URL(`${distDir}/diagnostics/route-bundle-stats.json`, webRoot);
if (!existsSync(stats)) {
  console.error(`No production build at apps/web/${distDir}: run without BENCH_SKIP_BUILD=1.`);
  process.exit(1);
}
type StatsRow = { route: string; firstLoadUncompressedJsBytes: number; firstLoadChunkPaths: string[] };
const rows = JSON.parse(readFileSync(stats, "utf8")) as StatsRow[];
const gzipped = (paths: string[]) => paths.reduce((sum, path) => sum + gzipSync(readFileSync(new URL(path, webRoot))).length, 0);
const verdicts = judgeRoutes(
  rows.map((r) => ({ route: r.route, rawBytes: r.firstLoadUncompressedJsBytes, gzipBytes: gzipped(r.firstLoadChunkPaths) })),
);

log(`\nFirst Load JS per page (apps/web/${distDir}), budget ${FIRST_LOAD_BUDGET_KIB} KiB gzip, goal ${FIRST_LOAD_GOAL_KIB}:`);
for (const v of verdicts) log(formatVerdict(v));
const over = verdicts.filter((v) => v.overBudget);
if (over.length > 0) {
  console.error(`\n${over.length} page(s) over the ${FIRST_LOAD_BUDGET_KIB} KiB budget: ${over.map((v) => v.route).join(", ")}`);
  process.exit(1);
}
log(`\nEvery page is within the ${FIRST_LOAD_BUDGET_KIB} KiB budget.`);
