"use client";

import { quoteFill, signedSwapAbi, type SignedOrderWithSignature, type TokenInfo } from "@peerlock/sdk";
import { useId, useState } from "react";
import type { Address } from "viem";
import { Blockers } from "@/components/Blockers";
import { FieldHint } from "@/components/FieldHint";
import { DecimalInput } from "@/components/TextInputs";
import { useTokenBalance } from "@/features/tokens/hooks";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall, type Tx } from "@/features/tx/useTransaction";
import { amountToInput, formatAmount, parseAmount } from "@/lib/amount";
import { queryKeys } from "@/lib/queryKeys";
import { signedOrderKey } from "./hooks";
import { signedFillCheck } from "./signedFill";

type Props = {
  signed: SignedOrderWithSignature;
  digest: string;
  remaining: bigint;
  sell: TokenInfo;
  buy: TokenInfo;
  account: Address;
  tx: Tx;
};

/** Fill all or part of a signed order: the quote is the contract's rounding; approval of SignedSwap is part of the flow. */
export function SignedFillPanel({ signed, digest, remaining, sell, buy, account, tx }: Props) {
  const id = useId();
  const { order } = signed;
  const [input, setInput] = useState(() => amountToInput(remaining, sell.decimals));
  const balance = useTokenBalance(buy.address, account);
  const text = order.partialFills ? input : amountToInput(remaining, sell.decimals);
  const parsed = parseAmount(text, sell.decimals);
  const sellAmount = parsed.ok && parsed.value <= remaining ? parsed.value : undefined;
  const quote = sellAmount !== undefined ? quoteFill(order, sellAmount) : undefined;
  const check = signedFillCheck({ quote, balance: balance.data, buy });
  const inputError = !parsed.ok && input.trim() !== "" ? parsed.error : parsed.ok && parsed.value > remaining ? "More than what is left." : undefined;

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="signed-fill-panel">
      <h2 id={`${id}-title`} style={{ marginTop: 0 }}>
        Fill this offer
      </h2>
      <div className="field">
        <label htmlFor={`${id}-amount`}>Amount to buy ({sell.symbol})</label>
        <DecimalInput
          id={`${id}-amount`}
          value={text}
          readOnly={!order.partialFills}
          onChange={setInput}
          aria-invalid={!!inputError}
          aria-describedby={`${id}-amount-hint`}
        />
        <FieldHint id={`${id}-amount-hint`} error={inputError}>
          {order.partialFills ? `Up to ${formatAmount(remaining, sell.decimals, { exact: true })} ${sell.symbol}.` : "This offer is all or nothing."}
        </FieldHint>
      </div>
      <p className="preview" aria-live="polite" data-testid="signed-fill-quote">
        {quote !== undefined ? `You pay ${formatAmount(quote, buy.decimals, { exact: true })} ${buy.symbol}` : "You pay —"}
      </p>
      {balance.data !== undefined ? (
        <p className="hint">
          Your balance: {formatAmount(balance.data, buy.decimals)} {buy.symbol}
        </p>
      ) : null}
      <Blockers reasons={check.blockers} testId="signed-fill-blockers" />
      <TxButton
        label="Fill"
        tx={tx}
        disabled={!check.ready || sellAmount === undefined}
        testId="signed-fill"
        plan={() => {
          // the approval is the quote exactly, and only once the balance covers it
          if (!check.ready || sellAmount === undefined || quote === undefined) return undefined;
          const contract = signed.verifyingContract;
          return {
            approval: { token: buy.address, spender: contract, amount: quote, step: `Approve ${formatAmount(quote, buy.decimals)} ${buy.symbol}` },
            calls: [
              contractCall({
                step: "Fill",
                address: contract,
                abi: signedSwapAbi,
                functionName: "fillOrder",
                args: [order, signed.signature, sellAmount],
              }),
            ],
            invalidate: [signedOrderKey(digest), queryKeys.balances(account)],
            clockProofs: order.expiry === 0n ? undefined : { OrderExpired: order.expiry },
          };
        }}
      />
    </section>
  );
}
