// The generator must run wherever the repository is checked out, including a path with a
// space (it once compared `file://${argv[1]}` with its own URL, where a space is `%20`, and
// silently generated nothing).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const sdkRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const artifacts = join(sdkRoot, "..", "..", "contracts", "artifacts");

test("scripts/generate.ts writes its files from a checkout whose path contains a space", (t) => {
  const root = mkdtempSync(join(tmpdir(), "peerlock checkout "));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  // the layout the generator expects: <root>/packages/sdk next to <root>/contracts/artifacts;
  // the script is copied (a link would be resolved to the real, space-free path)
  const sdk = join(root, "packages", "sdk");
  mkdirSync(join(sdk, "scripts"), { recursive: true });
  cpSync(join(sdkRoot, "scripts", "generate.ts"), join(sdk, "scripts", "generate.ts"));
  symlinkSync(join(sdkRoot, "node_modules"), join(sdk, "node_modules"), "dir"); // typechain
  if (existsSync(join(sdkRoot, "deployments"))) cpSync(join(sdkRoot, "deployments"), join(sdk, "deployments"), { recursive: true });
  if (!existsSync(artifacts)) {
    // without artifacts the generator falls back to the committed ABIs
    mkdirSync(join(sdk, "src", "generated"), { recursive: true });
    cpSync(join(sdkRoot, "src", "generated", "abis.ts"), join(sdk, "src", "generated", "abis.ts"));
  } else {
    mkdirSync(join(root, "contracts"));
    symlinkSync(artifacts, join(root, "contracts", "artifacts"), "dir");
  }

  execFileSync(process.execPath, [join(sdk, "scripts", "generate.ts")], { cwd: root, stdio: "pipe" });

  const generated = join(sdk, "src", "generated");
  assert.ok(existsSync(join(generated, "deployments.ts")), "deployments.ts was not written");
  assert.ok(existsSync(join(generated, "ethers", "index.ts")), "the ethers bindings were not written");
  if (existsSync(artifacts)) {
    // same input, same output as the real checkout's committed files
    for (const file of ["abis.ts", "enums.ts", "constants.ts"]) {
      assert.equal(readFileSync(join(generated, file), "utf8"), readFileSync(join(sdkRoot, "src", "generated", file), "utf8"), file);
    }
  }
});
