import { type NostrEvent, readOrderEvent } from "@peerlock/sdk";
import { postOrder } from "../orderbook/post";
import { asOutcome, type IngestOutcome, refused } from "./outcome";

/**
 * A NIP-69 order event from a relay, into the book through exactly what POST /api/orders runs:
 * the event must restate its signed order faithfully (readOrderEvent), and postOrder checks the
 * chain and SignedSwap, the maker's signature, expiry and SignedSwap.check. An order already
 * filled or cancelled fails `check` (NonceUsed) and is not stored; the book's sync prunes later ones.
 */
export async function ingestOrderEvent(event: NostrEvent): Promise<IngestOutcome> {
  const read = readOrderEvent(event);
  if (!read.ok) return refused(read.reason);
  if (read.status !== "pending") return refused(`The event says the order is ${read.status}.`);
  return asOutcome(async () => (await postOrder(read.signed)).created);
}
