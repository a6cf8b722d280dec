import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { stampClientAddress, trustedProxies } from "./http/clientAddress";
import { serverRelaysProblem } from "../relays/config";
import { serverNostrKeyProblem } from "../relays/nostrKey";
import { appOriginProblem } from "./origin";

const holder = globalThis as typeof globalThis & { __peerlockServerStarted?: boolean };

/**
 * Runs once when the Node server starts (instrumentation.ts), before it serves anything:
 * - a production server without a valid APP_ORIGIN, or with a bad TRUSTED_PROXIES, SERVER_RELAYS
 *   or SERVER_NOSTR_KEY, stops with a plain message instead of signing people in for whatever
 *   Host a request names (or silently reading no relay);
 * - every request node:http receives is stamped with the client address resolved from its socket
 *   (see clientAddress.ts), through node:http's public diagnostics channel.
 */
export function startServer(): void {
  if (holder.__peerlockServerStarted) return;
  holder.__peerlockServerStarted = true;
  const problems: string[] = [];
  for (const problem of [appOriginProblem(), serverRelaysProblem(), serverNostrKeyProblem()]) if (problem) problems.push(problem);
  try {
    trustedProxies();
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) {
    console.error(`\nPeerlock cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
    process.exit(1);
  }
  subscribe("http.server.request.start", (message) => stampClientAddress((message as { request: IncomingMessage }).request));
}
