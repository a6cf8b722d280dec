import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import { isZeroAddress, sameAddress, shortAddress } from "@/lib/address";

export type DealRole = "seller" | "buyer" | "arbiter" | "visitor";
export type DealAction = "take" | "markPaid" | "release" | "cancel" | "dispute" | "resolve";

/** An action the viewer could take; `reason` says why it is not possible yet when disabled. */
export type DealActionState = { action: DealAction; enabled: boolean; reason?: string };

/** The button text the end-to-end suite relies on. */
export const dealActionLabel: Record<DealAction, string> = {
  take: "Take deal",
  markPaid: "Mark paid",
  release: "Release",
  cancel: "Cancel deal",
  dispute: "Dispute",
  resolve: "Resolve",
};

/** The contract forbids overlaps (arbiter ≠ seller ≠ buyer), so one role per account. */
export function dealRole(deal: Pick<Deal, "seller" | "buyer" | "arbiter">, account: Address | undefined): DealRole {
  if (!account) return "visitor";
  if (sameAddress(deal.seller, account)) return "seller";
  if (sameAddress(deal.arbiter, account)) return "arbiter";
  if (sameAddress(deal.buyer, account)) return "buyer";
  return "visitor";
}

/** Past the payment deadline: the buyer can no longer mark paid and the seller may cancel. */
export function isPaymentOverdue(deal: Pick<Deal, "status" | "paymentDeadline">, now: bigint): boolean {
  return deal.status === DealStatus.Taken && now > deal.paymentDeadline;
}

const settled = new Set<number>([DealStatus.Released, DealStatus.Refunded, DealStatus.Resolved]);
export function isDealSettled(deal: Pick<Deal, "status">): boolean {
  return settled.has(deal.status);
}

/**
 * The actions of the spec's table that fit this viewer and status. Actions blocked only by time
 * (mark paid after the deadline, the seller cancelling before it) stay listed but disabled with a
 * reason; actions for another role or status are not listed at all.
 */
export function dealActions(deal: Deal, account: Address | undefined, now: bigint): DealActionState[] {
  if (!account) return [];
  const role = dealRole(deal, account);
  const { status } = deal;
  const actions: DealActionState[] = [];
  const add = (action: DealAction, enabled = true, reason?: string) => actions.push({ action, enabled, reason });
  const active = status === DealStatus.Taken || status === DealStatus.Paid || status === DealStatus.Disputed;

  switch (role) {
    case "visitor":
      if (status === DealStatus.Listed) {
        if (isZeroAddress(deal.buyer)) add("take");
        else add("take", false, `This deal is reserved for ${shortAddress(deal.buyer)}.`);
      }
      break;
    case "buyer":
      if (status === DealStatus.Listed) add("take");
      if (status === DealStatus.Taken) {
        if (now <= deal.paymentDeadline) add("markPaid");
        else add("markPaid", false, "The payment window is over: the payment can no longer be marked as made.");
      }
      if (status === DealStatus.Paid) add("dispute");
      if (active) add("cancel");
      break;
    case "seller":
      if (active) add("release");
      if (status === DealStatus.Paid) add("dispute");
      if (status === DealStatus.Listed) add("cancel");
      if (status === DealStatus.Taken) {
        if (now > deal.paymentDeadline) add("cancel");
        else add("cancel", false, "You can cancel once the buyer's payment window has passed.");
      }
      break;
    case "arbiter":
      if (status === DealStatus.Disputed) add("resolve");
      break;
  }
  return actions;
}
