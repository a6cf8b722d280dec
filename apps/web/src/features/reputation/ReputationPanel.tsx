"use client";

import type { Reputation } from "@/features/indexer/api";
import { formatRate, formatSeconds } from "./reputationWords";
import { TokenAmount } from "@/components/TokenAmount";
import { tokenFrom, type TokenMap } from "@/features/tokens/registry";

const date = (unix: string | null) => (unix === null ? "—" : new Date(Number(unix) * 1000).toLocaleString());

/** Every reputation figure of one address, with the rule each follows (see apps/indexer/README.md). */
export function ReputationPanel({ rep, tokens }: { rep: Reputation; tokens: TokenMap }) {
  const rows: [string, string, string][] = [
    ["Completed trades", String(rep.completedTrades), "Offer fills plus released or resolved deals"],
    ["Completion rate", formatRate(rep.completionRate), "Completed ÷ (completed + lapsed + backed out as buyer)"],
    ["Fills as maker / taker", `${rep.fillsAsMaker} / ${rep.fillsAsTaker}`, "OfferFilled on its offers / sent by it"],
    ["Deals released as seller / buyer", `${rep.dealsReleasedAsSeller} / ${rep.dealsReleasedAsBuyer}`, "Deals that ended with DealReleased"],
    [
      "Deals resolved by an arbiter",
      rep.resolutions.length ? rep.resolutions.map((r) => `#${r.dealId} (${r.role}, buyer got ${r.buyerShareBps / 100} %)`).join(", ") : "0",
      "As seller or buyer, with the buyer share of each",
    ],
    ["Disputes opened", String(rep.disputesOpened), "DealDisputed by this address"],
    ["Lapsed as buyer", String(rep.lapsedAsBuyer), "Took a deal, never paid; the seller cancelled after the deadline"],
    ["Backed out as buyer", String(rep.backedOutAsBuyer), "Took a deal, then cancelled it itself"],
    ["Median taken → paid (as buyer)", formatSeconds(rep.medianSecondsTakenToPaid), "DealTaken to DealPaid"],
    ["Median paid → released (as seller)", formatSeconds(rep.medianSecondsPaidToReleased), "DealPaid to DealReleased"],
    ["First / last trade", `${date(rep.firstTradeAt)} / ${date(rep.lastTradeAt)}`, "Block time of completed trades"],
  ];
  return (
    <section className="card" aria-label="Reputation" data-testid="reputation-panel">
      <h2>Reputation</h2>
      <dl className="facts">
        {rows.map(([label, value, rule]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value} <span className="hint">{rule}</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>Volume</dt>
          <dd>
            {Object.keys(rep.volumeByToken).length === 0
              ? "—"
              : Object.entries(rep.volumeByToken).map(([token, amount], i) => (
                  <span key={token} className="nowrap">
                    {i > 0 ? " · " : null}
                    <TokenAmount value={BigInt(amount)} token={tokenFrom(tokens, token as `0x${string}`)} />
                  </span>
                ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
