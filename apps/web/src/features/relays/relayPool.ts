// Loaded on demand (dynamic import): nostr-tools and the relay connections are not needed to
// paint a page.
import { type FeedSubscription, type NostrEventTemplate, type PublishResult, RelayFeed, type RelayState } from "@peerlock/sdk";
import type { Filter } from "nostr-tools/filter";
import { finalizeEvent } from "nostr-tools/pure";
import { activeRelays } from "./relayConfig";
import { browserNostrKey } from "./nostrKey";

type Listener = (states: RelayState[]) => void;

/** One RelayFeed per browser tab for the relays in force, remade when the list changes. */
let current: { key: string; feed: RelayFeed } | undefined;
const listeners = new Set<Listener>();
/** Subscriptions that outlive a change of the relay list: moved to each new feed. */
const durable = new Map<FeedSubscription, { filters: Filter[]; sub: { close: () => void } }>();

const storage = () => (typeof window === "undefined" ? undefined : window.localStorage);

export function relayFeed(): RelayFeed {
  const urls = activeRelays(storage());
  const key = urls.join(" ");
  if (current?.key !== key) {
    current?.feed.close();
    // "id": the app trusts the wallet signatures inside each event, not the nostr key (docs/spec.md)
    const feed = new RelayFeed(urls, { verify: "id", onstate: (states) => listeners.forEach((l) => l(states)) });
    current = { key, feed };
    for (const [handlers, entry] of durable) entry.sub = feed.subscribe(entry.filters, handlers);
    listeners.forEach((l) => l(feed.states()));
  }
  return current.feed;
}

/** Reads `filters` from the relays in force, now and after the user changes the list, until the returned stop. */
export function subscribeRelays(filters: Filter[], handlers: FeedSubscription): () => void {
  durable.set(handlers, { filters, sub: relayFeed().subscribe(filters, handlers) });
  return () => {
    durable.get(handlers)?.sub.close();
    durable.delete(handlers);
  };
}

/** The settings changed the relay list: reconnect to the new one (subscriptions follow). */
export function relaysChanged(): void {
  relayFeed();
}

/** Resolves once no relay is still making its first connection, or after `ms`. */
function connected(feed: RelayFeed, ms: number): Promise<void> {
  const ready = () => !feed.states().some((s) => s.status === "connecting");
  if (ready()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve();
    };
    const poll = setInterval(() => ready() && done(), 100);
    const timer = setTimeout(done, ms);
  });
}

export function onRelayStates(listener: Listener): () => void {
  listeners.add(listener);
  listener(relayFeed().states());
  return () => listeners.delete(listener);
}

/** Signs `template` with this browser's nostr key and sends it to every relay. */
export async function publishToRelays(template: NostrEventTemplate): Promise<PublishResult[]> {
  const event = finalizeEvent(template, await browserNostrKey(storage()));
  const feed = relayFeed();
  // a page that just opened the feed would otherwise find every relay "connecting"
  await connected(feed, 5_000);
  return feed.publish(event);
}
