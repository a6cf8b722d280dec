// `node src/cli.ts`: one in-memory Nostr relay, as `pnpm dev` and the e2e stack run it.
// RELAY_HOST (default 127.0.0.1) and RELAY_PORT (default 7447); prints its ws:// URL once it
// listens, exits 1 with a plain message when it cannot, stops on SIGINT/SIGTERM.
import { startRelay } from "./server.ts";

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535) throw new Error(`${name} must be a TCP port (1-65535), got "${raw}"`);
  return value;
}

try {
  const host = process.env.RELAY_HOST || "127.0.0.1";
  const relay = await startRelay({ host, port: envPort("RELAY_PORT", 7447) });
  console.log(`Nostr relay listening on ${relay.url}`);
  const stop = async (signal: NodeJS.Signals) => {
    console.log(`Nostr relay stopping (${signal})`);
    await relay.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
