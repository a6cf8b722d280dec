// A third relay that lies, for the journeys that check the app shows nothing forged: it runs
// inside the journeys' process (so a journey can inject events into it directly) on
// E2E_HOSTILE_RELAY_PORT. Journeys add its URL to the browser's relays through the settings.
import { type HostileRelay, startRelay } from "@peerlock/relay";
import { CHAIN_HOST, hostileRelayPort } from "./config.ts";

export type { HostileRelay };

/** Starts the hostile relay; `inject(event)` serves any JSON object as an event, unverified. Close it when done. */
export function startHostileRelay(): Promise<HostileRelay> {
  return startRelay({
    host: CHAIN_HOST,
    port: hostileRelayPort,
    hostile: true,
    portFix: "E2E_HOSTILE_RELAY_PORT=<port> pnpm --filter @peerlock/e2e test",
  });
}
