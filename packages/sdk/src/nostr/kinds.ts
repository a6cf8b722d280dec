/**
 * Nostr event kinds Peerlock publishes. Signed offers are NIP-69 peer-to-peer order events
 * (addressable, one per order hash); deal-room items are regular events of Peerlock's own kind.
 */
export const ORDER_EVENT_KIND = 38383;
export const ROOM_ITEM_KIND = 4383;
/** NIP-69's `y` tag: the platform that made the event; also what Peerlock subscribes by. */
export const PEERLOCK_PLATFORM = "peerlock";

/** A nostr event as relays carry it (NIP-01). */
export type NostrEvent = { id: string; pubkey: string; created_at: number; kind: number; tags: string[][]; content: string; sig: string };
/** An event before it is signed with a nostr key. */
export type NostrEventTemplate = Pick<NostrEvent, "kind" | "created_at" | "tags" | "content">;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The value of the first tag named `name`, if any. */
export function tagValue(event: Pick<NostrEvent, "tags">, name: string): string | undefined {
  return event.tags.find((t) => t[0] === name)?.[1];
}

/** CAIP-2 name of an EVM chain, as NIP-69's `network` tag carries it. */
export const caip2 = (chainId: number) => `eip155:${chainId}`;
