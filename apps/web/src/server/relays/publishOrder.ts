import { orderEventTemplate, type SignedOrderWithSignature } from "@peerlock/sdk";
import { finalizeEvent } from "nostr-tools/pure";
import { relayCacheFeed } from "./cache";
import { serverNostrKey } from "./nostrKey";

/**
 * Puts an order the API accepted on the relays, so readers who use only relays see API users'
 * offers too. Best effort and in the background: a relay that is down or refuses never fails
 * the POST (the order is in the book either way).
 */
export function publishAcceptedOrder(signed: SignedOrderWithSignature): void {
  const feed = relayCacheFeed();
  if (!feed) return;
  let event;
  try {
    event = finalizeEvent(orderEventTemplate(signed), serverNostrKey());
  } catch (error) {
    console.error("peerlock relay cache: could not sign an order event:", error instanceof Error ? error.message : error);
    return;
  }
  void feed.publish(event).then(
    (results) => {
      const failed = results.filter((r) => !r.ok);
      if (failed.length === results.length)
        console.warn(`peerlock relay cache: no relay took order ${event.tags[0]?.[1]}: ${failed.map((r) => `${r.url}: ${r.message}`).join("; ")}`);
    },
    () => {},
  );
}
