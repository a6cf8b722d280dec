import type { SignedOrderWithSignature } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import { tokenFrom, type TokenMap } from "@/features/tokens/registry";
import { sameAddress } from "@/lib/address";
import { comparePrice } from "@/lib/price";
import type { BookOrder, SignedOrdersSort } from "./bookApi";
import type { RelayOrder } from "./relayOrderStore";

/** A signed offer in the market, from the server's book, the relays, or both. */
export type ListedSignedOrder = {
  orderHash: Hex;
  signed: SignedOrderWithSignature;
  remaining: bigint;
  /** The share link (the book's, or the one the relay store made from the verified order). */
  link: string;
  /** When it was first posted, in seconds (the book's time, or the newest relay event's). */
  postedAt: number;
  /** Where this browser saw it: the app's server, and relay URLs. */
  seenOn: { server: boolean; relays: readonly string[] };
};

export type SignedOrderFilter = {
  sells?: string;
  wants?: string;
  maker?: Address;
  sort: SignedOrdersSort;
  /** Chain time in seconds: orders expired by then are left out. */
  now?: bigint;
};

const matches = ({ order }: SignedOrderWithSignature, f: SignedOrderFilter) =>
  (!f.sells || sameAddress(order.sellToken, f.sells)) &&
  (!f.wants || sameAddress(order.buyToken, f.wants)) &&
  (!f.maker || sameAddress(order.maker, f.maker)) &&
  (f.now === undefined || order.expiry === 0n || order.expiry > f.now);

/**
 * The union of the server's page(s) and the orders this browser verified from relays, one row per
 * order hash, filtered and sorted as the market asks. The smaller remaining amount wins when the
 * two disagree (one of them saw a fill the other did not yet).
 */
export function mergeSignedOrders(
  book: readonly BookOrder[],
  relay: readonly RelayOrder[],
  filter: SignedOrderFilter,
  tokens: TokenMap,
): ListedSignedOrder[] {
  const byHash = new Map<string, ListedSignedOrder>();
  for (const o of book) {
    if (!matches(o.signed, filter)) continue;
    byHash.set(o.orderHash.toLowerCase(), {
      orderHash: o.orderHash,
      signed: o.signed,
      remaining: o.remaining,
      link: o.link,
      postedAt: Math.floor(o.createdAt.getTime() / 1000),
      seenOn: { server: true, relays: [] },
    });
  }
  for (const o of relay) {
    if (!matches(o.signed, filter)) continue;
    const key = o.orderHash.toLowerCase();
    const known = byHash.get(key);
    if (known) {
      byHash.set(key, {
        ...known,
        remaining: o.remaining < known.remaining ? o.remaining : known.remaining,
        seenOn: { server: true, relays: o.relays },
      });
    } else {
      byHash.set(key, {
        orderHash: o.orderHash,
        signed: o.signed,
        remaining: o.remaining,
        link: o.link,
        postedAt: o.createdAt,
        seenOn: { server: false, relays: o.relays },
      });
    }
  }
  return sortSignedOrders([...byHash.values()], filter.sort, tokens);
}

const newestFirst = (a: ListedSignedOrder, b: ListedSignedOrder) =>
  b.postedAt - a.postedAt || (a.orderHash < b.orderHash ? -1 : a.orderHash > b.orderHash ? 1 : 0);

/** Newest first, or by price exactly (bigint cross-multiplication), ties newest first. */
export function sortSignedOrders(list: ListedSignedOrder[], sort: SignedOrdersSort, tokens: TokenMap): ListedSignedOrder[] {
  if (sort === "newest") return list.sort(newestFirst);
  const terms = ({ signed: { order } }: ListedSignedOrder) => ({
    sellAmount: order.sellAmount,
    buyAmount: order.buyAmount,
    sellDecimals: tokenFrom(tokens, order.sellToken).decimals,
    buyDecimals: tokenFrom(tokens, order.buyToken).decimals,
  });
  const sign = sort === "priceAsc" ? 1 : -1;
  return list.sort((a, b) => sign * comparePrice(terms(a), terms(b)) || newestFirst(a, b));
}

/** "relay.example, server": where an order was seen, in words (hosts in a stable order, not full URLs). */
export function seenOnWords({ server, relays }: ListedSignedOrder["seenOn"]): string {
  const hosts = [...new Set(relays.map(relayHost))].sort();
  return [...hosts, ...(server ? ["server"] : [])].join(", ") || "nowhere";
}

export function relayHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
