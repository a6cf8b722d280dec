// Loaded on demand (dynamic import, see useRelayOrders): the relay connections, nostr-tools and
// the batch checker are not needed to paint the market.
import { orderFilter } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { subscribeRelays } from "@/features/relays/relayPool";
import { RelayOrderStore } from "./relayOrderStore";
import { verifyRelayOrders } from "./relayOrderChain";

/** How often shown orders are checked again on chain (fills, cancels, balances, expiry). */
const RECHECK_MS = 15_000;
/** Every how many rounds the orders not fillable now are also looked at again. */
const WAITING_EVERY = 4;

let running: RelayOrderStore | undefined;

/**
 * This tab's relay orders: one subscription to Peerlock's order events on every relay in force,
 * kept for the tab's life so going back to the market shows at once what was already checked.
 */
export function relayOrderStore(client: Client, venue: { chainId: number; contract: Address }): RelayOrderStore {
  if (!running) {
    const store = new RelayOrderStore({ ...venue, verify: (orders) => verifyRelayOrders(client, orders) });
    subscribeRelays([orderFilter()], { onevent: (event, url) => void store.add(event, url), onseen: (id, url) => store.seen(id, url) });
    let round = 0;
    setInterval(() => store.recheckAll({ waiting: ++round % WAITING_EVERY === 0 }), RECHECK_MS);
    running = store;
  }
  return running;
}
