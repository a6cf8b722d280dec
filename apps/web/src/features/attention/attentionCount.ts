import type { DealWithId } from "@peerlock/sdk";
import type { Address } from "viem";
import { dealWaitsFor } from "@/features/deals/situation";

export type Attention = { waiting: number; unread: number; total: number };

/**
 * "Needs your action": the deals whose next move is the account's, counted from public deal data
 * (the indexer or the chain: no sign-in needed), plus the deal room's unread messages once signed in.
 */
export function attentionCount({
  deals,
  account,
  now,
  unread,
  roomWaiting,
  keysToShare = 0,
}: {
  /** Undefined while the indexer cannot answer. */
  deals: readonly DealWithId[] | undefined;
  account: Address | undefined;
  now: bigint | undefined;
  unread: number | undefined;
  /** The room server's own count of waiting deals (signed in only), used when `deals` is unknown. */
  roomWaiting?: number;
  /** Deals whose key this browser still owes a new reader (SPEC v3 "share-key"), while it has not shared it. */
  keysToShare?: number;
}): Attention {
  if (!account) return { waiting: 0, unread: 0, total: 0 };
  const onChain = deals ? new Set(deals.filter((d) => dealWaitsFor(d, account, now)).map((d) => d.id)).size : (roomWaiting ?? 0);
  const waiting = onChain + keysToShare;
  const messages = account ? (unread ?? 0) : 0;
  return { waiting, unread: messages, total: waiting + messages };
}
