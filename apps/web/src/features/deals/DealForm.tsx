"use client";

import { useQueryClient } from "@tanstack/react-query";
import { dealEscrowAbi, dealLimits, hashPrivateDetails, isNative } from "@peerlock/sdk";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { parseEventLogs, type TransactionReceipt } from "viem";
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
import { formatAmount } from "@/lib/amount";
import { queryKeys } from "@/lib/queryKeys";
import { emptyPublicTerms, PublicTermsFields } from "@/features/room/PublicTermsFields";
import { appChainId } from "@/config/chain";
import { rememberSellerTerms } from "@/features/room/sellerTerms";
import { dealsFromReceipts } from "@/features/trades/fromReceipt";
import { useRoomSession } from "@/features/room/useRoomSession";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { roomDealLinkPath } from "@/lib/termsLink";
import { checkDealForm, type WindowUnit, windowUnits } from "./dealForm";

function openedIds(receipts: readonly TransactionReceipt[]): bigint[] {
  const logs = receipts.flatMap((r) => r.logs);
  return parseEventLogs({ abi: dealEscrowAbi, logs, eventName: "DealOpened" }).map((l) => l.args.dealId);
}

export function DealForm() {
  const id = useId();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { address } = useConnection();
  const tokenChoice = useTokenChoice(knownTokens[0]?.address);
  const [amountText, setAmountText] = useState("");
  const [buyerText, setBuyerText] = useState("");
  const [arbiterText, setArbiterText] = useState("");
  const [feeText, setFeeText] = useState("1");
  const [windowText, setWindowText] = useState("1");
  const [windowUnit, setWindowUnit] = useState<WindowUnit>("hours");
  const [publicTerms, setPublicTerms] = useState(emptyPublicTerms);
  const [privateDetails, setPrivateDetails] = useState("");
  const token = tokenChoice.token;
  const balance = useTokenBalance(token?.address, address);
  const tx = useTransaction();
  const room = useRoomSession();
  const check = checkDealForm({
    token,
    amountText,
    buyerText,
    arbiterText,
    feeText,
    windowText,
    windowUnit,
    publicTerms,
    privateDetails,
    account: address,
    balance: balance.data,
  });
  const busy = isBusy(tx.state);

  if (!appDeployment) return <NotDeployed heading="New deal" />;
  const escrow = appDeployment.dealEscrow.address;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const args = check.args;
    if (!args || !address || !token) return;
    const publicText = check.publicTermsText;
    if (publicText === undefined) return;
    const [dealToken, amount] = args;
    void tx.run({
      approval: { token: dealToken, spender: escrow, amount, step: `Approve ${formatAmount(amount, token.decimals)} ${token.symbol}` },
      calls: [
        contractCall({
          step: "Open deal",
          address: escrow,
          abi: dealEscrowAbi,
          functionName: "openDeal",
          args,
          value: isNative(dealToken) ? amount : undefined,
        }),
      ],
      invalidate: [queryKeys.balances(address)],
      changed: (receipts) => ({ dealIds: openedIds(receipts) }),
      onConfirmed: (receipts) => {
        // The page opens at once with the deal as the receipt says; reads catch up behind it.
        const [deal] = dealsFromReceipts(receipts);
        if (deal === undefined) return;
        const dealId = deal.id;
        queryClient.setQueryData(queryKeys.deal(dealId), deal);
        // This browser keeps the terms until the deal page has sealed the details for the deal room
        // (at once when signed in, else on sign-in). The page's link carries only the public part
        // and the details' hash: the private details never travel in a link.
        rememberSellerTerms(browserStore(), appChainId, dealId, publicText, privateDetails);
        router.push(roomDealLinkPath(dealId, publicText, hashPrivateDetails(privateDetails)));
      },
    });
  }

  const field = (name: keyof typeof check.errors) => ({
    "aria-invalid": !!check.errors[name],
    "aria-describedby": `${id}-${name}-hint`,
  });
  const hint = (name: keyof typeof check.errors, text: string) => (
    <FieldHint id={`${id}-${name}-hint`} error={check.errors[name]}>
      {text}
    </FieldHint>
  );

  return (
    <form onSubmit={submit} className="card" aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>New deal</h1>
      <p className="muted">
        Sell tokens for a payment made outside the chain (bank transfer, cash…). Your tokens wait in escrow; you release them once paid. If you and
        the buyer disagree, the arbiter splits the escrow.
      </p>
      <HydratedFieldset>
        <div className="grid-2">
          <div>
            <TokenPicker label="Token to sell" {...tokenChoice.picker} testId="deal-token" />
            <div className="field">
              <label htmlFor={`${id}-amount`}>Amount to lock{token ? ` (${token.symbol})` : ""}</label>
              <DecimalInput id={`${id}-amount`} value={amountText} onChange={setAmountText} {...field("amount")} />
              {hint("amount", token && balance.data !== undefined ? `Balance: ${formatAmount(balance.data, token.decimals)} ${token.symbol}` : " ")}
            </div>
            <div className="field">
              <label htmlFor={`${id}-buyer`}>Buyer (optional)</label>
              <AddressInput id={`${id}-buyer`} value={buyerText} onChange={setBuyerText} {...field("buyer")} />
              {hint("buyer", "Leave empty to let anyone take the deal; otherwise only this account can.")}
            </div>
            <div className="field">
              <label htmlFor={`${id}-arbiter`}>Arbiter</label>
              <AddressInput id={`${id}-arbiter`} value={arbiterText} onChange={setArbiterText} {...field("arbiter")} />
              {hint("arbiter", "A third party both of you trust to split the escrow in a dispute.")}
            </div>
            <div className="grid-2">
              <div className="field">
                <label htmlFor={`${id}-fee`}>Arbiter fee (%)</label>
                <DecimalInput id={`${id}-fee`} value={feeText} onChange={setFeeText} {...field("fee")} />
                {hint("fee", `At most ${dealLimits.maxArbiterFeeBps / 100} %; paid only if the arbiter resolves a dispute.`)}
              </div>
              <div className="field">
                <label htmlFor={`${id}-window`}>Payment window</label>
                <div className="row" style={{ flexWrap: "nowrap" }}>
                  <input
                    id={`${id}-window`}
                    type="text"
                    inputMode="numeric"
                    autoComplete="off"
                    value={windowText}
                    onChange={(e) => setWindowText(e.target.value)}
                    {...field("window")}
                  />
                  <label htmlFor={`${id}-window-unit`} className="visually-hidden">
                    Payment window unit
                  </label>
                  <select
                    id={`${id}-window-unit`}
                    value={windowUnit}
                    onChange={(e) => setWindowUnit(e.target.value as WindowUnit)}
                    style={{ width: "auto" }}
                  >
                    {Object.keys(windowUnits).map((u) => (
                      <option key={u} value={u}>
                        {u}
                      </option>
                    ))}
                  </select>
                </div>
                {hint("window", "How long the buyer has to pay once they take the deal.")}
              </div>
            </div>
          </div>
          <PublicTermsFields
            terms={publicTerms}
            onChange={setPublicTerms}
            privateDetails={privateDetails}
            onPrivateDetailsChange={setPrivateDetails}
            termsError={check.errors.terms}
            privateError={check.errors.privateDetails}
          />
        </div>

        <Blockers reasons={amountText || arbiterText || !address ? check.blockers : []} testId="deal-blockers" />

        <button type="submit" disabled={!check.args || busy}>
          Open deal
        </button>
        {address && !room.signedIn ? (
          <p className="hint" data-testid="deal-room-later">
            You are not signed in to the deal room: the deal opens all the same, this browser keeps its terms, and the deal page publishes them as
            soon as you sign in there (a signature, no transaction).
          </p>
        ) : null}
      </HydratedFieldset>
      <TxStatus state={tx.state} />
    </form>
  );
}
