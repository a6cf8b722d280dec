import { DealStatus, type Deal } from "@peerlock/sdk";
import type { Address } from "viem";
import type { HistoryEntry } from "@/features/events/history";

/** Who received what when a deal finished; `role` names the party as the page shows it. */
export type Payout = { role: "buyer" | "seller" | "arbiter"; address: Address; amount: bigint };
export type DealOutcome = { summary: string; payouts: Payout[] };

/**
 * A finished deal's outcome, from its status and its closing event (DealReleased, DealRefunded
 * or DealResolved in the deal's history). Undefined while the deal is open, or when a resolved
 * deal's event has not been read yet (its split is only in the event).
 */
export function dealOutcome(
  deal: Pick<Deal, "status" | "seller" | "buyer" | "arbiter" | "amount">,
  history: readonly HistoryEntry[] | undefined,
): DealOutcome | undefined {
  const last = (name: string) => history?.findLast((e) => e.eventName === name);
  switch (deal.status) {
    case DealStatus.Released:
      return { summary: "Released by the seller", payouts: [{ role: "buyer", address: deal.buyer, amount: deal.amount }] };
    case DealStatus.Refunded: {
      const by = last("DealRefunded")?.args.by;
      const who =
        typeof by !== "string"
          ? ""
          : by.toLowerCase() === deal.seller.toLowerCase()
            ? " by the seller"
            : by.toLowerCase() === deal.buyer.toLowerCase()
              ? " by the buyer"
              : "";
      return { summary: `Cancelled${who}; refunded to the seller`, payouts: [{ role: "seller", address: deal.seller, amount: deal.amount }] };
    }
    case DealStatus.Resolved: {
      const event = last("DealResolved");
      if (!event) return undefined;
      const { toBuyer, toSeller, fee } = event.args as { toBuyer: bigint; toSeller: bigint; fee: bigint };
      const payouts: Payout[] = [
        { role: "buyer", address: deal.buyer, amount: toBuyer },
        { role: "seller", address: deal.seller, amount: toSeller },
        { role: "arbiter", address: deal.arbiter, amount: fee },
      ];
      return { summary: "Resolved by the arbiter", payouts: payouts.filter((p) => p.amount > 0n) };
    }
    default:
      return undefined;
  }
}
