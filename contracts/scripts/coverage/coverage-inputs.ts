/**
 * What the branch report works from: the instrumented text and solc AST of each source, and
 * the hit counts `hardhat test --coverage` saved in coverage/data.
 *
 * Hardhat keeps EDR's tag -> source range metadata in memory only, and the instrumented
 * build it compiles lands in artifacts/, which the next plain build (any `hardhat test`,
 * `hardhat node`, deploy) overwrites, often within seconds here. So the sources are
 * instrumented again with the EDR Hardhat uses (tags depend only on the file's text and
 * source name, so they are the ones that fired) and parsed with the pinned solc: the AST
 * then holds every `__NomicFoundationCoverage.sendHit(0x<tag>)` where the run had it.
 */
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import solc from "solc";
import type { AstNode } from "./solc-ast.ts";

/** The contracts package: paths below are relative to it, as in Hardhat's source names. */
export const PACKAGE_ROOT = path.resolve(import.meta.dirname, "../..");
const COVERAGE_DATA = path.join(PACKAGE_ROOT, "coverage", "data");

/** The part of @nomicfoundation/edr used here (its types are not reachable from this package). */
interface Edr {
  addStatementCoverageInstrumentation(source: string, sourceName: string, solcVersion: string): { source: string };
  latestSupportedSolidityVersion(): string;
}
// Hardhat's own copy, so the instrumentation always matches the one the test run used.
const edr = createRequire(import.meta.resolve("hardhat"))("@nomicfoundation/edr") as Edr;

/** What EDR inserts: a hit call before each statement, and the library's import at the end. */
const INSERTED = /__NomicFoundationCoverage\.sendHit\(0x[0-9a-fA-F]+\);|import "__NomicFoundationCoverage[^"]*";/g;

export interface InstrumentedSource {
  /** As the project names it, e.g. `src/SwapEscrow.sol`. */
  sourceName: string;
  /** The text the coverage build compiled: the source with hit calls inserted. */
  text: Buffer;
  ast: AstNode;
}

/** Hardhat instruments for the compiler's version, capped at the newest EDR can parse. */
function instrumentationVersion(): string {
  const numbers = (version: string) => version.split(/[.+]/).slice(0, 3).map(Number);
  const [compiler, newest] = [solc.semver(), edr.latestSupportedSolidityVersion()].map(numbers);
  const at = compiler.findIndex((n, i) => n !== newest[i]);
  return (at === -1 || compiler[at] < newest[at] ? compiler : newest).join(".");
}

/** Every `.sol` under src/ that `include` accepts, instrumented as the coverage build did. */
export async function loadInstrumentedSources(include: (sourceName: string) => boolean): Promise<InstrumentedSource[]> {
  const files = await readdir(path.join(PACKAGE_ROOT, "src"), { recursive: true });
  const names = files
    .map((f) => `src/${f.split(path.sep).join("/")}`)
    .filter((n) => n.endsWith(".sol") && include(n))
    .sort();
  const version = instrumentationVersion();

  const texts = new Map<string, string>();
  for (const name of names) {
    const original = await readFile(path.join(PACKAGE_ROOT, name), "utf8");
    // "project/" is how Hardhat names project files to solc, and the tags depend on it
    const { source } = edr.addStatementCoverageInstrumentation(original, `project/${name}`, version);
    assertSameLines(name, original, source);
    texts.set(name, source);
  }

  // Parsing needs no imports, and the AST has the shape and byte offsets of the real build.
  const input = {
    language: "Solidity",
    sources: Object.fromEntries([...texts].map(([name, content]) => [name, { content }])),
    settings: { stopAfter: "parsing", outputSelection: { "*": { "": ["ast"] } } },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[];
    sources: Record<string, { ast: AstNode }>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join("\n"));

  return names.map((name) => ({ sourceName: name, text: Buffer.from(texts.get(name)!), ast: output.sources[name].ast }));
}

/**
 * Line numbers are read off the instrumented text, which is only right while EDR inserts
 * on existing lines (it does: hit calls and braces, and the library's import on the last).
 */
function assertSameLines(sourceName: string, original: string, instrumented: string): void {
  const strip = (line: string) => line.replace(INSERTED, "").replace(/[{}\s]/g, "");
  const before = original.split("\n");
  const after = instrumented.split("\n");
  const differs = before.findIndex((line, i) => strip(line) !== strip(after[i] ?? ""));
  if (differs !== -1 || after.slice(before.length).some((line) => strip(line) !== "")) {
    throw new Error(`${sourceName}:${differs + 1}: EDR's instrumentation moved lines, reported lines would be wrong`);
  }
}

/**
 * Tag -> in how many units (a transaction for the TS tests, one batch of the Solidity
 * runner) it fired at least once: EDR reports each unit's hits without repeats.
 * Every suite's file is read, as Hardhat's own report does after a full `hardhat test`.
 */
export async function loadHitCounts(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const files = (await readdir(COVERAGE_DATA, { recursive: true }).catch(() => [])).filter((f) => f.endsWith(".json"));
  for (const file of files) {
    const hits = JSON.parse(await readFile(path.join(COVERAGE_DATA, file), "utf8")) as Record<string, number>;
    // Seen here: TS tests deploy from artifacts/ on disk, so a plain build by anyone else
    // during the run (e2e's `hardhat node`) swaps in uninstrumented bytecode mid-suite.
    if (Object.keys(hits).length === 0) {
      throw new Error(`coverage/data/${file} recorded no hit: artifacts/ was rebuilt without coverage during the run; rerun`);
    }
    for (const [tag, count] of Object.entries(hits)) counts.set(tag, (counts.get(tag) ?? 0) + count);
  }
  if (counts.size === 0) throw new Error("no coverage data in coverage/data: run `pnpm coverage`");
  return counts;
}
