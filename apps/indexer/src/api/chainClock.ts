// The chain's head (number and time), read at most once a second: offers expire by chain
// time, not by this server's clock, and /api/status compares the index with the head.
import { publicClients } from "ponder:api";

let cached: { at: number; head: Promise<{ number: bigint; timestamp: bigint }> } | undefined;

export function chainHead(): Promise<{ number: bigint; timestamp: bigint }> {
  if (!cached || Date.now() - cached.at > 1_000) {
    const head = publicClients.peerlock.getBlock({ blockTag: "latest" }).then((b) => ({ number: b.number, timestamp: b.timestamp }));
    cached = { at: Date.now(), head };
    head.catch(() => (cached = undefined));
  }
  return cached.head;
}
