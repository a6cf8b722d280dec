import { parseRelayList } from "@peerlock/sdk";

/**
 * Which relays the server reads (and publishes accepted orders to): SERVER_RELAYS, else the app's
 * NEXT_PUBLIC_RELAYS (inlined at build time, like in the browser). "off" turns the cache's relay
 * side off even when the app has relays; an empty list means off too.
 */
export type ServerRelays = { urls: string[]; from: "SERVER_RELAYS" | "NEXT_PUBLIC_RELAYS" | "off" };

export function serverRelays(): ServerRelays {
  const own = process.env.SERVER_RELAYS?.trim();
  if (own === "off" || own === "none") return { urls: [], from: "off" };
  if (own) return { urls: parseRelayList(own), from: "SERVER_RELAYS" };
  return { urls: parseRelayList(process.env.NEXT_PUBLIC_RELAYS), from: "NEXT_PUBLIC_RELAYS" };
}

/** Addresses in SERVER_RELAYS that are not relay addresses: a startup problem, not a silent skip. */
export function serverRelaysProblem(): string | undefined {
  const own = process.env.SERVER_RELAYS?.trim();
  if (!own || own === "off" || own === "none") return undefined;
  const bad = own.split(/[\s,]+/).filter((item) => item && parseRelayList(item).length === 0);
  return bad.length ? `SERVER_RELAYS must list ws:// or wss:// relay addresses (or be "off"); not relays: ${bad.join(", ")}.` : undefined;
}
