import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import { isZeroAddress } from "@/lib/address";
import { type DealRole, dealActions, dealRole } from "./actions";

type SituationDeal = Pick<Deal, "status" | "seller" | "buyer" | "arbiter" | "paymentDeadline">;

/**
 * One sentence telling the viewer where the deal stands for them. It starts with their role
 * ("You are the buyer…"), which the end-to-end journeys read.
 */
export function dealSituation(deal: SituationDeal, role: DealRole, now: bigint | undefined): string {
  const { status } = deal;
  const overdue = now !== undefined && status === DealStatus.Taken && now > deal.paymentDeadline;
  switch (role) {
    case "visitor":
      if (status === DealStatus.Listed) {
        return isZeroAddress(deal.buyer)
          ? "This deal is open to anyone: take it to become its buyer, then pay as the terms say."
          : "This deal is reserved for another buyer: you cannot take it.";
      }
      return "You are not part of this deal.";
    case "arbiter":
      if (status === DealStatus.Disputed) return "You are the arbiter: the deal is disputed and waits for your decision on the split.";
      return "You are the arbiter: you decide the split if the deal is disputed.";
    case "buyer":
    case "seller": {
      const other = role === "buyer" ? "seller" : "buyer";
      const prefix = `You are the ${role}`;
      switch (status) {
        case DealStatus.Disputed:
          return `${prefix}. The deal is disputed: you and the ${other} are waiting for the arbiter to decide the split.`;
        case DealStatus.Released:
          return `${prefix}. The deal is finished: the seller released the tokens to the buyer.`;
        case DealStatus.Refunded:
          return `${prefix}. The deal is finished: it was cancelled and the tokens went back to the seller.`;
        case DealStatus.Resolved:
          return `${prefix}. The deal is finished: the arbiter split the escrow.`;
        case DealStatus.Paid:
          return role === "buyer"
            ? `${prefix}: you marked the deal paid; the seller releases the tokens once they see your payment.`
            : `${prefix}: the buyer says they have paid. Release the tokens once you have received the payment.`;
        case DealStatus.Taken:
          if (role === "buyer") {
            return overdue
              ? `${prefix}: the payment window is over, so the payment can no longer be marked as made.`
              : `${prefix}: pay as the terms say, then mark the deal paid.`;
          }
          return overdue
            ? `${prefix}: the buyer did not mark the deal paid in time; you may cancel it and get your tokens back.`
            : `${prefix}: the buyer has taken the deal and is paying you as the terms say.`;
        default:
          return role === "buyer"
            ? `${prefix}: the deal is reserved for you; take it to commit to paying.`
            : `${prefix}: you locked the tokens; the deal waits for a buyer to take it.`;
      }
    }
  }
}

/**
 * Whether the deal waits on this account: the move that makes it progress is theirs (take a deal
 * reserved for them, mark paid, release once paid, cancel an overdue one, resolve a dispute).
 */
export function dealWaitsFor(deal: Deal, account: Address | undefined, now: bigint | undefined): boolean {
  if (!account || now === undefined) return false;
  const role = dealRole(deal, account);
  const enabled = new Set(
    dealActions(deal, account, now)
      .filter((a) => a.enabled)
      .map((a) => a.action),
  );
  switch (deal.status) {
    case DealStatus.Listed:
      return role === "buyer" && enabled.has("take");
    case DealStatus.Taken:
      return (role === "buyer" && enabled.has("markPaid")) || (role === "seller" && enabled.has("cancel"));
    case DealStatus.Paid:
      return role === "seller";
    case DealStatus.Disputed:
      return role === "arbiter";
    default:
      return false;
  }
}

/** The payment countdown runs only while the buyer can still pay: a paid, disputed or finished deal has none. */
export function showsPaymentCountdown(deal: Pick<Deal, "status">): boolean {
  return deal.status === DealStatus.Taken;
}
