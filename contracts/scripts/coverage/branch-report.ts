/**
 * Branch coverage of the product contracts, which Hardhat's `--coverage` does not report
 * (EDR instruments statements only). Runs after `hardhat test --coverage` (see
 * `pnpm coverage`) and reads what it left; see README.md here for how sides are decided.
 * Exits 1 when a branch of `src/` was never taken, so CI holds the 100 % bar.
 */
import { loadHitCounts, loadInstrumentedSources } from "./coverage-inputs.ts";
import { findBranches, type Branch, type FileBranches } from "./branch-points.ts";

/** The contracts we ship; interfaces have no code, mocks and dev tokens are not product. */
const isProductSource = (sourceName: string) => sourceName.startsWith("src/") && !sourceName.startsWith("src/interfaces/");

type FileResult = FileBranches & { sourceName: string };

function percent(hit: number, found: number): string {
  return found === 0 ? "-" : ((hit * 100) / found).toFixed(2);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => "-".repeat(w + 1) + (i === 0 ? "-" : ":")).join("|")}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

function report(results: FileResult[]): number {
  const count = (r: FileResult[], pick: (b: Branch) => boolean) => r.reduce((n, f) => n + f.branches.filter(pick).length, 0);
  const row = (name: string, r: FileResult[]) => {
    const found = count(r, () => true);
    const hit = count(r, (b) => b.taken);
    const ternaries = r.reduce((n, f) => n + f.unmeasured.filter((u) => u.kind === "ternary arms").length, 0);
    const shortCircuits = r.reduce((n, f) => n + f.unmeasured.filter((u) => u.kind.endsWith("short-circuit")).length, 0);
    return [name, String(found), String(hit), percent(hit, found), `${ternaries} / ${shortCircuits}`];
  };
  console.log("Branch coverage (both sides of every `if`, from Hardhat's statement hits)\n");
  console.log(
    table([
      ["File", "Branches", "Hit", "Branch %", "Unmeasured ternary / short-circuit"],
      ...results.map((r) => row(r.sourceName, [r])),
      row("Total", results),
    ]),
  );

  const uncovered = results.flatMap((r) => r.branches.filter((b) => !b.taken).map((b) => `  ${r.sourceName}:${b.line} — ${b.condition} — ${b.side}`));
  console.log(uncovered.length === 0 ? "\nEvery branch was taken." : `\nUncovered branches (${uncovered.length}):\n${uncovered.join("\n")}`);

  // Listed so nobody reads 100 % as covering them; the ternary arms need a test each by hand.
  const unmeasured = results.flatMap((r) =>
    r.unmeasured.filter((u) => !u.kind.endsWith("short-circuit")).map((u) => `  ${r.sourceName}:${u.line} — ${u.text} — ${u.kind}`),
  );
  if (unmeasured.length > 0) console.log(`\nNot measurable from statement hits, check by test:\n${unmeasured.join("\n")}`);
  return uncovered.length;
}

async function main(): Promise<number> {
  const [sources, hits] = await Promise.all([loadInstrumentedSources(isProductSource), loadHitCounts()]);
  const results = sources.map((source) => ({ sourceName: source.sourceName, ...findBranches(source, hits) }));
  // Any edit changes every tag of a file, so its old hits match nothing: say so, rather
  // than list each of its branches as missed.
  const stale = results.filter((r) => !r.anyStatementRan).map((r) => r.sourceName);
  if (stale.length > 0) {
    throw new Error(`no statement of ${stale.join(", ")} ran: edited since the coverage run, or untested? Run \`pnpm coverage\``);
  }
  return report(results);
}

// The errors say what to do; a stack trace would bury that.
process.exitCode = await main().then(
  (uncovered) => (uncovered > 0 ? 1 : 0),
  (error: unknown) => (console.error(`branch report: ${error instanceof Error ? error.message : String(error)}`), 1),
);
