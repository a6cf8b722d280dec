// Starts the indexer for the bench (the same start script as `pnpm dev`), times it to the chain
// head, and stops it.
import { spawn } from "node:child_process";
import { openSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { caughtUp } from "@peerlock/devkit/indexer";

export async function startBenchIndexer({
  rpcUrl,
  port,
  dataDir,
  databaseUrl,
  logFile,
}: {
  rpcUrl: string;
  port: number;
  dataDir: string;
  /** PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  logFile: string;
}) {
  // The previous run may still be letting go of the port.
  for (let i = 0; i < 120 && !(await portFree(port)); i++) await new Promise((r) => setTimeout(r, 250));
  const out = openSync(logFile, "w");
  const started = performance.now();
  const child = spawn(process.execPath, [join(import.meta.dirname, "..", "scripts", "start.ts")], {
    env: {
      ...process.env,
      CHAIN_ID: "31337",
      PONDER_RPC_URL: rpcUrl,
      INDEXER_PORT: String(port),
      PONDER_DATA_DIR: dataDir,
      PONDER_LOG_LEVEL: "warn",
      DATABASE_URL: databaseUrl ?? "",
    },
    detached: true,
    stdio: ["ignore", out, out],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the indexer exited (${child.exitCode}); see ${logFile}`);
    if (await caughtUp(rpcUrl, port).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  const caughtUpMs = performance.now() - started;
  return {
    caughtUpMs,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(child.pid!, "SIGTERM");
      const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, "SIGKILL"); // nothing of the group may outlive the start script
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}
