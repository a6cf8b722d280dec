/**
 * Gas benchmark: `pnpm bench:gas`. Sends real transactions to both escrows on the
 * in-process Hardhat network, reads gasUsed from the receipts, prints a markdown table
 * (cold and warm, with the issue's targets next to the warm ERC-20 rows) and writes the
 * same table to gas-report.md. A benchmark reports; it always exits 0, misses are marked.
 */
import { readFile, writeFile } from "node:fs/promises";
import hre from "hardhat";
import { scenarios, warmUp, type Mode } from "./bench/scenarios.ts";
import { isMiss, reportFile, table, type Row } from "./bench/report.ts";
import { createWorld, type World } from "./bench/world.ts";

const REPORT_PATH = new URL("../gas-report.md", import.meta.url);
const README_PATH = new URL("../../README.md", import.meta.url);
const README_START = "<!-- gas-table:start -->";
const README_END = "<!-- gas-table:end -->";

function compilerLine(): string {
  const { version, settings } = hre.config.solidity.profiles.default.compilers[0];
  const optimizer = settings.optimizer?.enabled ? `optimizer ${settings.optimizer.runs} runs` : "no optimizer";
  return `solc ${version}, ${optimizer}, EVM ${settings.evmVersion ?? "default"}`;
}

/**
 * `--coverage` builds write instrumented bytecode (thousands of gas more per call) to the
 * same artifacts; measuring those would commit nonsense. Returns the contracts affected.
 */
async function instrumentedContracts(): Promise<string[]> {
  const instrumented: string[] = [];
  for (const name of ["SwapEscrow", "DealEscrow", "TestToken"]) {
    const buildInfoId = await hre.artifacts.getBuildInfoId(name);
    const path = buildInfoId && (await hre.artifacts.getBuildInfoPath(buildInfoId));
    if (!path) continue;
    const buildInfo = JSON.parse(await readFile(path, "utf8")) as { input: { sources: Record<string, unknown> } };
    if (Object.keys(buildInfo.input.sources).some((source) => source.includes("NomicFoundationCoverage"))) {
      instrumented.push(name);
    }
  }
  return instrumented;
}

async function measure(world: World, mode: Mode, restore: () => Promise<void>) {
  const results: (bigint | Error)[] = [];
  for (const scenario of scenarios) {
    await restore();
    try {
      results.push(await scenario.run(world, mode));
    } catch (error) {
      results.push(error instanceof Error ? error : new Error(String(error)));
    }
  }
  return results;
}

async function main() {
  const instrumented = await instrumentedContracts();
  if (instrumented.length > 0) {
    console.log(
      `Artifacts of ${instrumented.join(", ")} carry coverage instrumentation; rebuild without --coverage ` +
        "(`pnpm exec hardhat build`) and run again. Nothing measured.",
    );
    return;
  }
  const world = await createWorld();

  // cold: every scenario from the state right after deployment
  const fresh = await world.takeSnapshot();
  const cold = await measure(world, "cold", () => fresh.restore());

  // warm: every scenario from one warmed-up state
  await fresh.restore();
  await warmUp(world);
  const warmed = await world.takeSnapshot();
  const warm = await measure(world, "warm", () => warmed.restore());

  const rows: Row[] = scenarios.map((scenario, i) => ({ scenario, cold: cold[i], warm: warm[i] }));
  console.log(`\n${table(rows)}\n`);

  const misses = rows.filter(isMiss);
  console.log(
    misses.length === 0
      ? "All warm targets met."
      : `MISSED ${misses.length} target(s): ${misses.map((r) => `${r.scenario.call} (${r.scenario.variant})`).join(", ")}`,
  );

  const errors = rows.filter((row) => row.cold instanceof Error || row.warm instanceof Error);
  if (errors.length > 0) {
    console.log(`${errors.length} scenario(s) failed to run; gas-report.md was left as it was.`);
    return;
  }
  await writeFile(REPORT_PATH, reportFile(rows, compilerLine()));
  await updateReadmeTable(table(rows));
  console.log("Wrote contracts/gas-report.md and the table in README.md");
}

/** Keeps README's copy of the table (between its gas-table markers) equal to the report. */
async function updateReadmeTable(markdown: string) {
  const readme = await readFile(README_PATH, "utf8");
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) {
    console.log("README.md has no gas-table markers; its table was not updated.");
    return;
  }
  await writeFile(README_PATH, `${readme.slice(0, start + README_START.length)}\n${markdown}\n${readme.slice(end)}`);
}

// A benchmark reports and never fails the build: even a crash is printed and exits 0.
await main().catch((error: unknown) => {
  console.error("bench-gas could not run:", error);
});
