// `@peerlock/sdk/ethers` is for projects without viem: nothing it loads at run time may import
// viem (type-only imports are erased by tsc), and it resolves through the package's exports.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");

/** Every bare specifier the compiled module graph from `entry` imports at run time. */
function runtimeImports(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const [, specifier] of code.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?["']([^"']+)["']/g)) {
      if (specifier.startsWith(".")) queue.push(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  }
  return packages;
}

test("@peerlock/sdk/ethers loads ethers and no viem", { skip: !existsSync(join(dist, "ethers.js")) && "build the SDK first" }, async () => {
  const imports = runtimeImports(join(dist, "ethers.js"));
  assert.deepEqual(
    [...imports].filter((s) => s === "viem" || s.startsWith("viem/")),
    [],
  );
  assert.ok(imports.has("ethers"));
  // and the entry point loads and exposes the generated factories
  const sdk = await import("@peerlock/sdk/ethers");
  assert.equal(typeof sdk.SwapEscrow__factory.connect, "function");
  // its hashTerms (ethers' keccak256) agrees with the viem entry's
  const viemEntry = await import("@peerlock/sdk");
  for (const text of ["", "Pay 460 EUR by SEPA", "Überweisung · 振込"]) assert.equal(sdk.hashTerms(text), viemEntry.hashTerms(text));
});
