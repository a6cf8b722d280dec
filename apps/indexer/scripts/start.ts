// `pnpm --filter @peerlock/indexer start`: checks the port, throws away an index of another
// chain, then runs `ponder start` (API on INDEXER_PORT, default 42069).
//   INDEXER_SCHEMA  PostgreSQL schema for the tables (default peerlock_<chain id>)
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { indexerSettings } from "../src/lib/settings.ts";
import { chainFingerprint } from "./chainFingerprint.ts";
import { freshPgliteFolder, freshPostgresSchema } from "./freshIndex.ts";

// Until Ponder runs, a stop signal just ends this script; afterwards it is handed to Ponder once.
let ponder: ChildProcess | undefined;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => (ponder ? ponder.kill(signal) : process.exit(1)));

const root = join(import.meta.dirname, "..");
process.chdir(root);
const port = Number(process.env.INDEXER_PORT ?? 42069);
const settings = indexerSettings();
const schema = process.env.INDEXER_SCHEMA ?? `peerlock_${settings.chainId}`;

function assertPortFree(): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () => reject(new Error(`Port ${port} is already in use, so the indexer cannot start. Pick another: INDEXER_PORT=<port>`)));
    server.listen(port, () => server.close(() => resolve()));
  });
}

try {
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`INDEXER_PORT must be a port number, got "${process.env.INDEXER_PORT}"`);
  await assertPortFree();
  const fingerprint = await chainFingerprint(settings);
  const wiped = settings.databaseUrl
    ? await freshPostgresSchema(settings.databaseUrl, schema, fingerprint)
    : freshPgliteFolder(settings.pgliteDir, fingerprint);
  if (wiped) console.log(`indexer: new chain (${fingerprint}); starting from an empty index`);
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// Ponder's own entry under this Node: the node_modules/.bin shims wrap it in shells that do not
// pass a stop signal on, which would leave Ponder running (and holding the port) after this exits.
ponder = spawn(
  process.execPath,
  [join(root, "node_modules", "ponder", "dist", "esm", "bin", "ponder.js"), "start", "--schema", schema, "--port", String(port)],
  {
    stdio: "inherit",
    env: { ...process.env, PONDER_TELEMETRY_DISABLED: "true", PONDER_DATA_DIR: settings.pgliteDir },
  },
);
ponder.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
