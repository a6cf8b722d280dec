// Loaded on demand (see publishOrder): the event codec and the relay pool are not needed to paint
// the signing form or an order page.
import { type OrderEventStatus, orderEventTemplate, type PublishResult, type SignedOrderWithSignature } from "@peerlock/sdk";
import { publishToRelays } from "@/features/relays/relayPool";

export function publishOrderEvent(signed: SignedOrderWithSignature, opts: { status?: OrderEventStatus; source?: string }): Promise<PublishResult[]> {
  return publishToRelays(orderEventTemplate(signed, opts));
}
