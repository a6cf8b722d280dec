// The embedded Nostr relay as `pnpm dev` and the end-to-end stack run it: @peerlock/relay's CLI
// as a service in its own process group, its output in a log file, ready once it accepts a
// WebSocket connection.
import type { ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { assertPortFree, startService, waitForService } from "./processes.ts";

export type DevRelayOptions = {
  port: number;
  /** Interface the relay listens on; default 127.0.0.1. */
  host?: string;
  logFile: string;
  /** How to pick another port when this one is taken, e.g. `RELAY_PORT=<port> pnpm dev`. */
  fix: string;
  /** How messages name it, e.g. "second end-to-end relay"; default "Nostr relay". */
  what?: string;
};

export type DevRelay = { process: ChildProcess; url: string };

const cli = fileURLToPath(import.meta.resolve("@peerlock/relay/cli"));

export async function startDevRelay({ port, host = "127.0.0.1", logFile, fix, what = "Nostr relay" }: DevRelayOptions): Promise<DevRelay> {
  await assertPortFree(port, host, what, fix);
  const url = `ws://${host}:${port}`;
  const relay = startService(process.execPath, [cli], { RELAY_PORT: String(port), RELAY_HOST: host }, undefined, logFile);
  await waitForService(relay, `the ${what} at ${url}`, () => relayReady(url), { timeoutMs: 30_000, logFile });
  return { process: relay, url };
}

/** True once a WebSocket connection to `url` opens. */
export function relayReady(url: string, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    const done = (ready: boolean) => {
      clearTimeout(timer);
      ws.close();
      resolve(ready);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    ws.addEventListener("open", () => done(true), { once: true });
    ws.addEventListener("error", () => done(false), { once: true });
  });
}
