// `node src/cli.ts` as `pnpm dev` runs it: prints its URL, serves, stops on SIGTERM, and says
// plainly when its port is taken.
import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { it } from "node:test";
import { startRelay } from "../src/index.ts";
import { testPort } from "./ports.ts";
import { RawClient } from "./rawClient.ts";

const cli = join(import.meta.dirname, "..", "src", "cli.ts");
const PORT = testPort(2);

function runCli(port: number): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [cli], { env: { ...process.env, RELAY_PORT: String(port) }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk));
  return { child, output: () => output };
}

async function waitForOutput(output: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(output())) {
    if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

it("prints its URL, serves REQs and exits 0 on SIGTERM", async () => {
  const { child, output } = runCli(PORT);
  try {
    await waitForOutput(output, /Nostr relay listening on ws:\/\/127\.0\.0\.1:\d+/);
    assert.match(output(), new RegExp(`ws://127\\.0\\.0\\.1:${PORT}\\n`));
    const client = await RawClient.open(`ws://127.0.0.1:${PORT}`);
    assert.deepEqual(await client.subscribe("s", { kinds: [1] }), []);
    client.close();
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    assert.equal(code, 0);
  } finally {
    child.kill("SIGKILL");
  }
});

it("exits 1 naming RELAY_PORT when its port is taken", async () => {
  const blocker = await startRelay({ port: PORT });
  try {
    const { child, output } = runCli(PORT);
    const [code] = await once(child, "exit");
    assert.equal(code, 1);
    assert.match(output(), new RegExp(`Port ${PORT} on 127\\.0\\.0\\.1 is already in use.*RELAY_PORT=<port>`));
  } finally {
    await blocker.close();
  }
});
