import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import { isZeroAddress, sameAddress } from "@/lib/address";

/**
 * SPEC "Deal room" who-reads-what, as the browser decides what to offer (the server decides
 * again on its own reading of the chain; this only avoids asking for what it will refuse).
 */
export function roomRole(deal: Deal, account: Address | undefined): "seller" | "buyer" | "arbiter" | "visitor" {
  if (!account) return "visitor";
  if (sameAddress(deal.seller, account)) return "seller";
  if (!isZeroAddress(deal.buyer) && sameAddress(deal.buyer, account)) return "buyer";
  if (sameAddress(deal.arbiter, account)) return "arbiter";
  return "visitor";
}

const arbiterIn = (deal: Deal) => deal.status === DealStatus.Disputed || deal.status === DealStatus.Resolved;

export function canReadPrivate(deal: Deal, account: Address | undefined): boolean {
  const role = roomRole(deal, account);
  if (role === "seller") return true;
  if (role === "buyer") return deal.status !== DealStatus.Listed;
  return role === "arbiter" && arbiterIn(deal);
}

export function canUseRoom(deal: Deal, account: Address | undefined): boolean {
  const role = roomRole(deal, account);
  if (role === "seller") return true;
  if (role === "buyer") return deal.status !== DealStatus.Listed;
  return role === "arbiter" && arbiterIn(deal);
}
