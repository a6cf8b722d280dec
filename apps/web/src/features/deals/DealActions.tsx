"use client";

import { DealStatus, dealEscrowAbi, type DealEscrowWrite, type DealWithId, type TokenInfo } from "@peerlock/sdk";
import dynamic from "next/dynamic";
import type { Address } from "viem";
import { appDeployment } from "@/config/deployment";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall, type Tx } from "@/features/tx/useTransaction";
import { formatAmount } from "@/lib/amount";
import { queryKeys } from "@/lib/queryKeys";
import { formatWindow } from "@/lib/time";
import { type DealAction, dealActionLabel, dealActions, dealRole } from "./actions";

// Only an arbiter with a dispute sees the split: its slider and preview load when they do.
const ResolvePanel = dynamic(() => import("./ResolvePanel").then((m) => m.ResolvePanel), {
  ssr: false,
  loading: () => <p className="muted">Loading the split…</p>,
});

const functionName = {
  take: "takeDeal",
  markPaid: "markPaid",
  release: "release",
  cancel: "cancelDeal",
  dispute: "dispute",
} as const satisfies Record<Exclude<DealAction, "resolve">, DealEscrowWrite>;

/** What each button does, in the viewer's terms, so nobody clicks blind. */
function explain(action: DealAction, deal: DealWithId, token: TokenInfo, role: string): string {
  const amount = `${formatAmount(deal.amount, token.decimals)} ${token.symbol}`;
  // In a dispute both sides wait for the arbiter; what is left to them is giving in early.
  if (deal.status === DealStatus.Disputed) {
    if (action === "release") return `Or give in without waiting for the arbiter: send the ${amount} to the buyer now.`;
    if (action === "cancel") return `Or give in without waiting for the arbiter: end the deal and let the ${amount} go back to the seller.`;
  }
  switch (action) {
    case "take":
      return `You commit to pay the seller as the terms say within ${formatWindow(deal.paymentWindow)} from now.`;
    case "markPaid":
      return "Tell the seller you have paid. Do this only after sending the payment.";
    case "release":
      return `Send the ${amount} to the buyer. Do this once you have received the payment.`;
    case "cancel":
      return role === "buyer" ? `End the deal: the ${amount} go back to the seller.` : `End the deal and get your ${amount} back.`;
    case "dispute":
      return "Ask the arbiter to decide how to split the escrow.";
    case "resolve":
      return "Split the escrow between buyer and seller.";
  }
}

/** The steps nobody takes back: they ask once more before the wallet opens. */
function confirmQuestion(action: DealAction, deal: DealWithId): string | undefined {
  if (action === "dispute") return "Dispute this deal? The arbiter then decides the split, and takes their fee.";
  if (action === "cancel")
    return deal.status === DealStatus.Listed ? undefined : "Cancel this deal? The tokens go back to the seller and the deal ends.";
  return undefined;
}

type Props = { deal: DealWithId; token: TokenInfo; account: Address; now: bigint; tx: Tx; takeBlockedReason?: string };

/** The viewer's actions on a deal; the page owns the transaction so its status outlives the buttons. */
export function DealActions({ deal, token, account, now, tx, takeBlockedReason }: Props) {
  const actions = dealActions(deal, account, now).map((a) =>
    a.action === "take" && takeBlockedReason && a.enabled ? { ...a, enabled: false, reason: takeBlockedReason } : a,
  );
  const role = dealRole(deal, account);
  if (actions.length === 0) return null;
  return (
    <section className="card" aria-label="Actions" data-testid="deal-actions">
      <h2 style={{ marginTop: 0 }}>
        {deal.status === DealStatus.Disputed && role !== "arbiter" ? "While you wait for the arbiter" : "What you can do"}
      </h2>
      {actions.map(({ action, enabled, reason }) => (
        <div key={action} style={{ marginBottom: "1rem" }}>
          <p style={{ margin: "0 0 0.4rem" }}>{explain(action, deal, token, role)}</p>
          {action === "resolve" ? (
            <ResolvePanel deal={deal} token={token} account={account} tx={tx} />
          ) : (
            <TxButton
              label={dealActionLabel[action]}
              tx={tx}
              variant={
                deal.status === DealStatus.Disputed && role !== "arbiter"
                  ? "secondary"
                  : action === "cancel"
                    ? "danger"
                    : action === "dispute"
                      ? "secondary"
                      : "primary"
              }
              disabled={!enabled}
              confirm={confirmQuestion(action, deal)}
              plan={() =>
                appDeployment
                  ? {
                      calls: [
                        contractCall({
                          step: dealActionLabel[action],
                          address: appDeployment.dealEscrow.address,
                          abi: dealEscrowAbi,
                          functionName: functionName[action],
                          args: [deal.id],
                        }),
                      ],
                      invalidate: [queryKeys.deal(deal.id), queryKeys.dealHistory(deal.id), queryKeys.balances(account)],
                      changed: { dealIds: [deal.id] },
                      // PaymentWindowOver means the chain's clock is past the deadline.
                      clockProofs: { PaymentWindowOver: deal.paymentDeadline + 1n },
                    }
                  : undefined
              }
            />
          )}
          {reason ? <p className="hint">{reason}</p> : null}
        </div>
      ))}
    </section>
  );
}
