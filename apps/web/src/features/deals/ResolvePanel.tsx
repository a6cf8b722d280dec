"use client";

import { dealEscrowAbi, dealLimits, resolveSplit, type DealWithId, type TokenInfo } from "@peerlock/sdk";
import { useId, useState } from "react";
import type { Address } from "viem";
import { FieldHint } from "@/components/FieldHint";
import { DecimalInput } from "@/components/TextInputs";
import { TokenAmount } from "@/components/TokenAmount";
import { appDeployment } from "@/config/deployment";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall, type Tx } from "@/features/tx/useTransaction";
import { queryKeys } from "@/lib/queryKeys";
import { parseShareBps } from "./shareBps";

const BPS = dealLimits.bps;

/** The arbiter's split: a slider (and an exact field) for the buyer's share, with the exact payouts. */
type Props = { deal: DealWithId; token: TokenInfo; account: Address; tx: Tx };

export function ResolvePanel({ deal, token, account, tx }: Props) {
  const id = useId();
  const [shareBps, setShareBps] = useState(BPS / 2);
  // The exact field keeps what is typed (empty, "70", "7000"); only a valid number moves the split.
  const [exactText, setExactText] = useState(String(BPS / 2));
  const exact = parseShareBps(exactText);
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
          onChange={(e) => {
            setShareBps(Number(e.target.value));
            setExactText(e.target.value);
          }}
        />
        <div className="row">
          <label htmlFor={`${id}-exact`} className="visually-hidden">
            Buyer share in basis points
          </label>
          <DecimalInput
            id={`${id}-exact`}
            inputMode="numeric"
            style={{ width: "8rem" }}
            value={exactText}
            onChange={(text) => {
              setExactText(text);
              const parsed = parseShareBps(text);
              if (parsed.ok) setShareBps(parsed.bps);
            }}
            // "007000" reads back as "7000" once you leave the field; an invalid entry stays for you to fix.
            onBlur={() => {
              if (exact.ok) setExactText(String(exact.bps));
            }}
            aria-invalid={!exact.ok}
            aria-describedby={`${id}-exact-hint`}
          />
          <span className="muted">{exact.ok ? `basis points = ${percent} % to the buyer` : "basis points"}</span>
        </div>
        <FieldHint id={`${id}-exact-hint`} error={exact.ok ? undefined : exact.error} live>
          0 to {BPS}; 100 basis points = 1 %.
        </FieldHint>
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
        // Never resolve with a split the field does not show.
        disabled={!exact.ok}
        plan={() =>
          appDeployment
            ? {
                calls: [
                  contractCall({
                    step: "Resolve",
                    address: appDeployment.dealEscrow.address,
                    abi: dealEscrowAbi,
                    functionName: "resolve",
                    args: [deal.id, shareBps],
                  }),
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
