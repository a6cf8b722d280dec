"use client";

import { quoteFill, swapEscrowAbi, isNative, type OfferWithId, type TokenInfo } from "@peerlock/sdk";
import { useId, useState } from "react";
import type { Address } from "viem";
import { Blockers } from "@/components/Blockers";
import { FieldHint } from "@/components/FieldHint";
import { DecimalInput } from "@/components/TextInputs";
import { appDeployment } from "@/config/deployment";
import { useTokenBalance } from "@/features/tokens/hooks";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall, type Tx } from "@/features/tx/useTransaction";
import { amountToInput, formatAmount, parseAmount } from "@/lib/amount";
import { queryKeys } from "@/lib/queryKeys";
import { fillBlockers } from "./status";

type Props = { offer: OfferWithId; sell: TokenInfo; buy: TokenInfo; account: Address | undefined; now: bigint | undefined; tx: Tx };

/** Fill all or part of an offer, with a live quote (the contract's exact rounding) and a preflight. */
export function FillPanel({ offer, sell, buy, account, now, tx }: Props) {
  const id = useId();
  const [input, setInput] = useState(() => amountToInput(offer.sellRemaining, sell.decimals));
  const balance = useTokenBalance(buy.address, account);
  const parsed = parseAmount(offer.partialFills ? input : amountToInput(offer.sellRemaining, sell.decimals), sell.decimals);
  const sellAmount = parsed.ok ? parsed.value : undefined;
  const quote = sellAmount !== undefined && sellAmount <= offer.sellRemaining ? quoteFill(offer, sellAmount) : undefined;

  const blockers =
    now === undefined ? [] : fillBlockers({ offer, account, now, sellAmount, buyTokenBalance: balance.data, sellToken: sell, buyToken: buy });
  const inputError = offer.partialFills && input.trim() !== "" && !parsed.ok ? parsed.error : undefined;
  const ready = now !== undefined && sellAmount !== undefined && quote !== undefined && blockers.length === 0;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="fill-panel">
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        Fill this offer
      </h2>
      <div className="field">
        <label htmlFor={`${id}-amount`}>Amount to buy ({sell.symbol})</label>
        <div className="row">
          <DecimalInput
            id={`${id}-amount`}
            style={{ flex: "1 1 12rem", width: "auto" }}
            value={offer.partialFills ? input : amountToInput(offer.sellRemaining, sell.decimals)}
            readOnly={!offer.partialFills}
            onChange={setInput}
            aria-invalid={!!inputError}
            aria-describedby={`${id}-amount-hint`}
          />
          {offer.partialFills ? (
            <button type="button" className="secondary small" onClick={() => setInput(amountToInput(offer.sellRemaining, sell.decimals))}>
              Max
            </button>
          ) : null}
        </div>
        <FieldHint id={`${id}-amount-hint`} error={inputError}>
          {offer.partialFills
            ? `Up to ${formatAmount(offer.sellRemaining, sell.decimals, { exact: true })} ${sell.symbol}.`
            : "This offer is all or nothing: the whole remaining amount."}
        </FieldHint>
      </div>
      <p className="preview" aria-live="polite" data-testid="fill-quote">
        {quote !== undefined ? `You pay ${formatAmount(quote, buy.decimals, { exact: true })} ${buy.symbol}` : "You pay —"}
      </p>
      {account && balance.data !== undefined ? (
        <p className="hint">
          Your balance: {formatAmount(balance.data, buy.decimals)} {buy.symbol}
        </p>
      ) : null}
      <Blockers reasons={blockers} testId="fill-blockers" />
      <TxButton
        label="Fill"
        tx={tx}
        disabled={!ready}
        plan={() => {
          if (!ready || !appDeployment || !account) return undefined;
          const escrow = appDeployment.swapEscrow.address;
          return {
            approval: { token: buy.address, spender: escrow, amount: quote, step: `Approve ${formatAmount(quote, buy.decimals)} ${buy.symbol}` },
            calls: [
              contractCall({
                step: "Fill",
                address: escrow,
                abi: swapEscrowAbi,
                functionName: "fillOffer",
                args: [offer.id, sellAmount],
                value: isNative(buy.address) ? quote : undefined,
              }),
            ],
            invalidate: [queryKeys.offer(offer.id), queryKeys.offerHistory(offer.id), queryKeys.balances(account), queryKeys.fillsBy(account)],
            changed: { offerIds: [offer.id] },
            // OfferExpired means the chain's clock has reached the expiry, whatever the page read.
            clockProofs: offer.expiry === 0n ? undefined : { OfferExpired: offer.expiry },
          };
        }}
      />
    </section>
  );
}
