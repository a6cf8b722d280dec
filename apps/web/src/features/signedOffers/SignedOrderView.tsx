"use client";

import { hashOrder, type TokenInfo } from "@peerlock/sdk";
import { useMemo } from "react";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { Blockers } from "@/components/Blockers";
import { Notice } from "@/components/Notice";
import { TokenAmount } from "@/components/TokenAmount";
import { appChainId } from "@/config/chain";
import { appDeployment, knownTokens } from "@/config/deployment";
import { useTokenLookup } from "@/features/tokens/hooks";
import { TxStatus } from "@/features/tx/TxStatus";
import { useTransaction } from "@/features/tx/useTransaction";
import { ConnectPrompt } from "@/features/wallet/ConnectPrompt";
import { useHash } from "@/hooks/useHash";
import { isZeroAddress, sameAddress } from "@/lib/address";
import { formatAmount } from "@/lib/amount";
import { formatPrice, unitPrice } from "@/lib/price";
import { formatDateTime } from "@/lib/time";
import { useSignedOrder } from "./hooks";
import { MakerActions } from "./MakerActions";
import { SignedFillPanel } from "./SignedFillPanel";
import { readOrderFragment, venueMismatch } from "./signedOffer";

const isKnown = (address: string) => knownTokens.some((t) => sameAddress(t.address, address));

/** A signed offer from its share link: verified in the browser, filled or cancelled here. */
export function SignedOrderView() {
  const hash = useHash();
  const { address } = useConnection();
  const read = useMemo(() => (hash === null ? undefined : readOrderFragment(hash)), [hash]);
  const signed = read?.ok ? read.signed : undefined;
  const mismatch = signed ? venueMismatch(signed, appChainId, appDeployment?.signedSwap.address) : undefined;
  // the maker checks the order as anyone would see it, not as a taker of its own offer
  const state = useSignedOrder(signed, sameAddress(address, signed?.order.maker) ? undefined : address, !!signed && !mismatch);
  const sell = useTokenLookup(signed?.order.sellToken);
  const buy = useTokenLookup(signed?.order.buyToken);
  // One transaction for the page: its status stays visible after the offer is filled or cancelled.
  const tx = useTransaction();

  if (hash === null) return <p className="muted">Loading the offer…</p>;
  if (!read?.ok || !signed) {
    return (
      <section className="card">
        <h1>Signed offer</h1>
        <Notice kind="error" title="This link holds no offer">
          {read?.ok === false ? read.error : null}
        </Notice>
      </section>
    );
  }

  const { order } = signed;
  const digest = hashOrder(order, signed);
  const isMaker = sameAddress(address, order.maker);
  const sellToken: TokenInfo | undefined = sell.data;
  const buyToken: TokenInfo | undefined = buy.data;
  const s = state.data;
  const open = !!s && s.remaining > 0n;
  // a used nonce is the whole story: what the amount or allowance would say next is noise
  const problems = s ? (s.nonceUsed ? s.problems.filter((p) => p.name === "NonceUsed") : s.problems) : [];

  return (
    <div data-testid="signed-offer">
      <section className="card">
        <h1 style={{ marginTop: 0 }}>Signed offer</h1>
        {mismatch ? (
          <Notice kind="error" title="Not fillable here">
            {mismatch}
          </Notice>
        ) : null}
        {sellToken && buyToken ? (
          <>
            <p className="preview" data-testid="signed-terms">
              Sells <TokenAmount value={order.sellAmount} token={sellToken} /> for <TokenAmount value={order.buyAmount} token={buyToken} />
            </p>
            <p className="muted">
              Price: 1 {sellToken.symbol} ={" "}
              {formatPrice(
                unitPrice({
                  sellAmount: order.sellAmount,
                  buyAmount: order.buyAmount,
                  sellDecimals: sellToken.decimals,
                  buyDecimals: buyToken.decimals,
                }),
              )}{" "}
              {buyToken.symbol}
            </p>
          </>
        ) : (
          <p className="muted">{sell.error || buy.error ? "A token of this offer does not answer like an ERC-20." : "Reading the tokens…"}</p>
        )}
        {!isKnown(order.sellToken) || !isKnown(order.buyToken) ? (
          <Notice kind="warn" title="A token this app does not know">
            Check the token addresses below with someone you trust: anyone can make a token with any name.
          </Notice>
        ) : null}
        <dl className="facts">
          <dt>Maker</dt>
          <dd>
            <AddressText address={order.maker} you={isMaker} />
          </dd>
          <dt>Taker</dt>
          <dd>{isZeroAddress(order.taker) ? "Anyone" : <AddressText address={order.taker} you={sameAddress(address, order.taker)} />}</dd>
          <dt>Expires</dt>
          <dd>{order.expiry === 0n ? "Never" : formatDateTime(order.expiry)}</dd>
          <dt>Partial fills</dt>
          <dd>{order.partialFills ? "Allowed" : "No: all or nothing"}</dd>
          <dt>Left</dt>
          <dd data-testid="signed-remaining">{s && sellToken ? `${formatAmount(s.remaining, sellToken.decimals)} ${sellToken.symbol}` : "…"}</dd>
          <dt>Signature</dt>
          <dd data-testid="signed-signature">
            {s === undefined ? "Checking…" : s.signatureValid ? "Signed by the maker (checked in your browser)" : "Not the maker's signature"}
          </dd>
          <dt>Tokens</dt>
          <dd data-testid="signed-tokens">
            {sellToken ? `${sellToken.symbol} ` : null}(<AddressText address={order.sellToken} />) → {buyToken ? `${buyToken.symbol} ` : null}(
            <AddressText address={order.buyToken} />)
          </dd>
        </dl>
        {state.error ? (
          <Notice kind="error" title="Could not read the offer's state">
            {state.error.message}
          </Notice>
        ) : null}
        {s && problems.length > 0 ? (
          <Blockers reasons={problems.map((p) => p.message)} testId="signed-problems" />
        ) : s ? (
          <p className="muted" data-testid="signed-fillable">
            Fillable now.
          </p>
        ) : null}
      </section>

      {!mismatch && s && sellToken && buyToken ? (
        isMaker ? (
          <MakerActions signed={signed} digest={digest} open={open} tx={tx} />
        ) : !address ? (
          <ConnectPrompt label="Connect a wallet to fill this offer" />
        ) : open ? (
          <SignedFillPanel signed={signed} digest={digest} remaining={s.remaining} sell={sellToken} buy={buyToken} account={address} tx={tx} />
        ) : null
      ) : null}
      <TxStatus state={tx.state} />
    </div>
  );
}
