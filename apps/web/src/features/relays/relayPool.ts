// Loaded on demand (dynamic import): nostr-tools and the relay connections are not needed to
// paint a page.
import { type NostrEventTemplate, type PublishResult, RelayFeed, type RelayState } from "@peerlock/sdk";
import { finalizeEvent } from "nostr-tools/pure";
import { activeRelays } from "./relayConfig";
import { browserNostrKey } from "./nostrKey";

type Listener = (states: RelayState[]) => void;

/** One RelayFeed per browser tab for the relays in force, remade when the list changes. */
let current: { key: string; feed: RelayFeed } | undefined;
const listeners = new Set<Listener>();

const storage = () => (typeof window === "undefined" ? undefined : window.localStorage);

export function relayFeed(): RelayFeed {
  const urls = activeRelays(storage());
  const key = urls.join(" ");
  if (current?.key !== key) {
    current?.feed.close();
    // "id": the app trusts the wallet signatures inside each event, not the nostr key (docs/spec.md)
    const feed = new RelayFeed(urls, { verify: "id", onstate: (states) => listeners.forEach((l) => l(states)) });
    current = { key, feed };
  }
  return current.feed;
}

export function onRelayStates(listener: Listener): () => void {
  listeners.add(listener);
  listener(relayFeed().states());
  return () => listeners.delete(listener);
}

/** Signs `template` with this browser's nostr key and sends it to every relay. */
export async function publishToRelays(template: NostrEventTemplate): Promise<PublishResult[]> {
  const event = finalizeEvent(template, await browserNostrKey(storage()));
  return relayFeed().publish(event);
}
