"use client";

import { useQueryClient } from "@tanstack/react-query";
import { isNative, swapEscrowAbi } from "@peerlock/sdk";
import { parseEventLogs, type TransactionReceipt } from "viem";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useConnection } from "wagmi";
import { Blockers } from "@/components/Blockers";
import { FieldHint } from "@/components/FieldHint";
import { HydratedFieldset } from "@/components/HydratedFieldset";
import { NotDeployed } from "@/components/NotDeployed";
import { AddressInput, DecimalInput } from "@/components/TextInputs";
import { appDeployment, knownTokens } from "@/config/deployment";
import { useTokenBalance } from "@/features/tokens/hooks";
import { TokenPicker, useTokenChoice } from "@/features/tokens/TokenPicker";
import { isBusy } from "@/features/tx/txState";
import { TxStatus } from "@/features/tx/TxStatus";
import { contractCall, useTransaction } from "@/features/tx/useTransaction";
import { useChainNow } from "@/hooks/useChainNow";
import { formatAmount } from "@/lib/amount";
import { formatPrice, inversePrice, unitPrice } from "@/lib/price";
import { queryKeys } from "@/lib/queryKeys";
import { OfferKindChoice } from "@/features/signedOffers/OfferKindChoice";
import { type OfferKind, signedOfferTokenError } from "@/features/signedOffers/signedOffer";
import { SignStatus } from "@/features/signedOffers/SignStatus";
import { useSignOffer } from "@/features/signedOffers/useSignOffer";
import { expiryChoices, resolveExpiry } from "./expiry";
import { offersFromReceipts } from "@/features/trades/fromReceipt";
import { checkOfferForm } from "./offerForm";

function createdIds(receipts: readonly TransactionReceipt[]): bigint[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: swapEscrowAbi, logs, eventName: "OfferCreated" }).map((l) => l.args.offerId);
}

export function OfferForm() {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { address } = useConnection();
  const now = useChainNow();
  const sellChoice = useTokenChoice(knownTokens[1]?.address ?? knownTokens[0]?.address);
  const buyChoice = useTokenChoice(knownTokens[2]?.address ?? knownTokens[0]?.address);
  const [sellText, setSellText] = useState("");
  const [buyText, setBuyText] = useState("");
  const [takerText, setTakerText] = useState("");
  const [expiryChoice, setExpiryChoice] = useState("86400");
  const [customExpiry, setCustomExpiry] = useState("");
  const [partialFills, setPartialFills] = useState(true);
  const balance = useTokenBalance(sellChoice.token?.address, address);
  const tx = useTransaction();
  const [kind, setKind] = useState<OfferKind>("escrowed");
  const signFlow = useSignOffer();

  const sell = sellChoice.token;
  const buy = buyChoice.token;
  const expiry = now === undefined ? undefined : resolveExpiry(expiryChoice, customExpiry, now);
  const check = checkOfferForm({ sell, buy, sellText, buyText, takerText, expiry, partialFills, account: address, sellBalance: balance.data });
  const signedTokenError = kind === "signed" ? signedOfferTokenError(sellChoice.token, buyChoice.token) : undefined;
  const busy = isBusy(tx.state) || isBusy(signFlow.approval.state) || signFlow.state.phase === "signing";

  if (!appDeployment) return <NotDeployed heading="New offer" />;
  const escrow = appDeployment.swapEscrow.address;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const args = check.args;
    if (!args || !address || !sell) return;
    if (kind === "signed") {
      if (!signedTokenError) void signFlow.run(args, sell);
      return;
    }
    const [sellToken, sellAmount, , , , expiry] = args;
    void tx.run({
      approval: {
        token: sellToken,
        spender: escrow,
        amount: sellAmount,
        step: `Approve ${formatAmount(sellAmount, sell.decimals)} ${sell.symbol}`,
      },
      calls: [
        contractCall({
          step: "Create offer",
          address: escrow,
          abi: swapEscrowAbi,
          functionName: "createOffer",
          args,
          value: isNative(sellToken) ? sellAmount : undefined,
        }),
      ],
      invalidate: [queryKeys.balances(address)],
      changed: (receipts) => ({ offerIds: createdIds(receipts) }),
      // InvalidExpiry means the chain's clock has already reached the chosen expiry.
      clockProofs: expiry === 0n ? undefined : { InvalidExpiry: expiry },
      onConfirmed: (receipts) => {
        // The page opens at once with the offer as the receipt says; reads catch up behind it.
        const [offer] = offersFromReceipts(receipts);
        if (offer === undefined) return;
        queryClient.setQueryData(queryKeys.offer(offer.id), offer);
        router.push(`/offers/${offer.id}`);
      },
    });
  }

  const pricePreview =
    sell && buy && check.sellAmount && check.buyAmount && !check.errors.tokens
      ? {
          sellAmount: check.sellAmount,
          buyAmount: check.buyAmount,
          sellDecimals: sell.decimals,
          buyDecimals: buy.decimals,
        }
      : undefined;

  return (
    <form onSubmit={submit} className="card" aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>New offer</h1>
      <OfferKindChoice value={kind} onChange={setKind} />
      <p className="muted">
        {kind === "signed"
          ? "Sign your offer instead of sending it: the tokens stay in your wallet, and anyone (or the taker you name) who gets its link pays your price and receives them in one transaction."
          : "Lock the tokens you sell in the escrow; anyone (or the taker you name) pays your price and receives them in the same transaction."}
      </p>
      <HydratedFieldset>
        <div className="grid-2">
          <fieldset>
            <legend>You sell</legend>
            <TokenPicker label="Token to sell" {...sellChoice.picker} testId="sell-token" />
            <div className="field">
              <label htmlFor={`${id}-sell`}>Amount to sell{sell ? ` (${sell.symbol})` : ""}</label>
              <DecimalInput
                id={`${id}-sell`}
                value={sellText}
                onChange={setSellText}
                aria-invalid={!!check.errors.sellAmount}
                aria-describedby={`${id}-sell-hint`}
              />
              <FieldHint id={`${id}-sell-hint`} error={check.errors.sellAmount}>
                {sell && balance.data !== undefined ? `Balance: ${formatAmount(balance.data, sell.decimals)} ${sell.symbol}` : " "}
              </FieldHint>
            </div>
          </fieldset>
          <fieldset>
            <legend>You receive</legend>
            <TokenPicker label="Token to receive" {...buyChoice.picker} testId="buy-token" />
            <div className="field">
              <label htmlFor={`${id}-buy`}>Amount to receive{buy ? ` (${buy.symbol})` : ""}</label>
              <DecimalInput
                id={`${id}-buy`}
                value={buyText}
                onChange={setBuyText}
                aria-invalid={!!check.errors.buyAmount}
                aria-describedby={`${id}-buy-hint`}
              />
              <FieldHint id={`${id}-buy-hint`} error={check.errors.buyAmount}>
                For the whole amount you sell.
              </FieldHint>
            </div>
          </fieldset>
        </div>
        {check.errors.tokens || signedTokenError ? (
          <p className="field-error" role="alert">
            {check.errors.tokens ?? signedTokenError}
          </p>
        ) : null}

        <p className="preview" aria-live="polite" data-testid="price-preview">
          {pricePreview && sell && buy ? (
            <>
              Price: 1 {sell.symbol} = {formatPrice(unitPrice(pricePreview))} {buy.symbol}
              <span className="muted" style={{ fontWeight: 400 }}>
                {" "}
                (1 {buy.symbol} = {formatPrice(inversePrice(pricePreview))} {sell.symbol})
              </span>
            </>
          ) : (
            "Price: enter both amounts"
          )}
        </p>

        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${id}-taker`}>Taker (optional)</label>
            <AddressInput
              id={`${id}-taker`}
              value={takerText}
              onChange={setTakerText}
              aria-invalid={!!check.errors.taker}
              aria-describedby={`${id}-taker-hint`}
            />
            <FieldHint id={`${id}-taker-hint`} error={check.errors.taker}>
              Leave empty to let anyone fill; otherwise only this account can.
            </FieldHint>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expiry`}>Expiry</label>
            <select id={`${id}-expiry`} value={expiryChoice} onChange={(e) => setExpiryChoice(e.target.value)}>
              {expiryChoices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
            {expiryChoice === "custom" ? (
              <>
                <label htmlFor={`${id}-expiry-at`} style={{ marginTop: "0.5rem" }}>
                  Expires at (your local time)
                </label>
                <input
                  id={`${id}-expiry-at`}
                  type="datetime-local"
                  value={customExpiry}
                  onChange={(e) => setCustomExpiry(e.target.value)}
                  aria-invalid={!!check.errors.expiry}
                />
              </>
            ) : null}
            {check.errors.expiry ? <span className="field-error">{check.errors.expiry}</span> : null}
          </div>
        </div>

        <div className="field">
          <label className="checkbox">
            <input type="checkbox" checked={partialFills} onChange={(e) => setPartialFills(e.target.checked)} />
            Allow partial fills
          </label>
          <span className="hint">Without partial fills, a taker must buy everything at once.</span>
        </div>

        <Blockers reasons={sellText || buyText || !address ? check.blockers : []} testId="offer-blockers" />

        <button type="submit" disabled={!check.args || !!signedTokenError || busy}>
          {kind === "signed" ? "Sign offer" : "Create offer"}
        </button>
        <p className="hint">
          {kind === "signed"
            ? `Signing is free. If SignedSwap may not yet spend this much ${sell?.symbol ?? ""}, your wallet first asks to approve it (one transaction).`
            : sell && !isNative(sell.address)
              ? `If the escrow may not yet spend this much ${sell.symbol}, your wallet first asks to approve exactly this amount.`
              : " "}
        </p>
      </HydratedFieldset>
      {kind === "signed" ? <SignStatus flow={signFlow} /> : <TxStatus state={tx.state} />}
    </form>
  );
}
