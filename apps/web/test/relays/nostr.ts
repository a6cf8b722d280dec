// A relay user in the tests: signs events with a throw-away nostr key (nostr-tools) and publishes
// them straight to one relay, or waits for an event a relay holds. No app server in between.
import { type NostrEvent, type NostrEventTemplate } from "@peerlock/sdk";
import type { Filter } from "nostr-tools/filter";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import { Relay } from "nostr-tools/relay";

export function signEvent(template: NostrEventTemplate, key = generateSecretKey()): NostrEvent {
  return finalizeEvent(template, key) as NostrEvent;
}

/** Publishes `events` to the relay at `url`, in order; throws when the relay refuses one. */
export async function publishTo(url: string, ...events: NostrEvent[]): Promise<void> {
  const relay = await Relay.connect(url);
  try {
    for (const event of events) await relay.publish(event);
  } finally {
    relay.close();
  }
}

/** The events the relay at `url` holds for `filter` (until its end-of-stored-events). */
export async function fetchFrom(url: string, filter: Filter): Promise<NostrEvent[]> {
  const relay = await Relay.connect(url);
  try {
    return await new Promise((resolve) => {
      const found: NostrEvent[] = [];
      const sub = relay.subscribe([filter], {
        onevent: (event) => void found.push(event as NostrEvent),
        oneose: () => (sub.close(), resolve(found)),
      });
    });
  } finally {
    relay.close();
  }
}

/** Polls `check` until it returns a value (not undefined/false) or `timeoutMs` passes. */
export async function until<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
