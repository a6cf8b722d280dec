import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { generateContractFiles } from "../scripts/generate.ts";

// Fails when someone changes a contract and forgets to commit the regenerated bindings
// (run `pnpm build` at the root and commit packages/sdk/src/generated).
test("committed ABIs, enums and limits match a fresh compile of the contracts", () => {
  const fresh = generateContractFiles();
  for (const [file, text] of Object.entries(fresh)) {
    const committed = readFileSync(join(import.meta.dirname, "..", "src", "generated", file), "utf8");
    assert.equal(committed, text, `src/generated/${file} is stale: rebuild the SDK and commit it`);
  }
});
