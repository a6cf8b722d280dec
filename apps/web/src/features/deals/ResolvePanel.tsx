"use client";

import { dealEscrowAbi, dealLimits, resolveSplit, type DealWithId, type TokenInfo } from "@peerlock/sdk";
import { useId, useState } from "react";
import type { Address } from "viem";
import { TokenAmount } from "@/components/TokenAmount";
import { appDeployment } from "@/config/deployment";
import { TxButton } from "@/features/tx/TxButton";
import type { Tx } from "@/features/tx/useTransaction";
import { queryKeys } from "@/lib/queryKeys";

const BPS = dealLimits.bps;

/** The arbiter's split: a slider (and an exact field) for the buyer's share, with the exact payouts. */
type Props = { deal: DealWithId; token: TokenInfo; account: Address; tx: Tx };

export function ResolvePanel({ deal, token, account, tx }: Props) {
  const id = useId();
  const [shareBps, setShareBps] = useState(BPS / 2);
  const split = resolveSplit(deal.amount, deal.arbiterFeeBps, shareBps);
  const percent = (shareBps / 100).toFixed(2).replace(/\.?0+$/, "");

  return (
    <div data-testid={`resolve-panel-${deal.id}`}>
      <div className="field">
        <label htmlFor={`${id}-slider`}>Buyer&apos;s share of the escrow (after the fee)</label>
        <input
          id={`${id}-slider`}
          type="range"
          min={0}
          max={BPS}
          step={50}
          value={shareBps}
          aria-valuetext={`${percent} % to the buyer, ${(100 - shareBps / 100).toFixed(2).replace(/\.?0+$/, "")} % to the seller`}
          onChange={(e) => setShareBps(Number(e.target.value))}
        />
        <div className="row">
          <label htmlFor={`${id}-exact`} className="visually-hidden">
            Buyer share in basis points
          </label>
          <input
            id={`${id}-exact`}
            type="number"
            min={0}
            max={BPS}
            step={1}
            style={{ width: "8rem" }}
            value={shareBps}
            onChange={(e) => {
              const n = Math.round(Number(e.target.value));
              if (Number.isFinite(n)) setShareBps(Math.min(BPS, Math.max(0, n)));
            }}
          />
          <span className="muted">basis points = {percent} % to the buyer</span>
        </div>
      </div>
      <dl className="split" aria-live="polite" data-testid="resolve-split">
        <div>
          <dt>To buyer</dt>
          <dd data-testid="split-buyer">
            <TokenAmount value={split.toBuyer} token={token} />
          </dd>
        </div>
        <div>
          <dt>To seller</dt>
          <dd data-testid="split-seller">
            <TokenAmount value={split.toSeller} token={token} />
          </dd>
        </div>
        <div>
          <dt>Your fee ({deal.arbiterFeeBps / 100} %)</dt>
          <dd data-testid="split-fee">
            <TokenAmount value={split.fee} token={token} />
          </dd>
        </div>
      </dl>
      <TxButton
        label="Resolve"
        tx={tx}
        plan={() =>
          appDeployment
            ? {
                calls: [
                  { step: "Resolve", address: appDeployment.dealEscrow.address, abi: dealEscrowAbi, functionName: "resolve", args: [deal.id, shareBps] },
                ],
                invalidate: [queryKeys.deal(deal.id), queryKeys.dealHistory(deal.id), queryKeys.balances(account)],
                changed: { dealIds: [deal.id] },
              }
            : undefined
        }
      />
    </div>
  );
}
