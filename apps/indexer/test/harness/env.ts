// Ports and folders of the indexer suite. Defaults sit in this package's own range; override
// with INDEXER_TEST_CHAIN_PORT / INDEXER_TEST_PORT to run next to another copy.
import { join } from "node:path";

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a TCP port, got "${raw}"`);
  return value;
}

export const chainPort = port("INDEXER_TEST_CHAIN_PORT", 8613);
export const indexerPort = port("INDEXER_TEST_PORT", 8614);
export const rpcUrl = `http://127.0.0.1:${chainPort}`;
export const indexerRoot = join(import.meta.dirname, "..", "..");
export const repoRoot = join(indexerRoot, "..", "..");
export const logDir = join(indexerRoot, ".ponder", "test-logs");
