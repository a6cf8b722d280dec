"use client";

import { OfferStatus, swapEscrowAbi, type TokenInfo } from "@peerlock/sdk";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { CopyButton } from "@/components/CopyButton";
import { Countdown } from "@/components/Countdown";
import { NotDeployed } from "@/components/NotDeployed";
import { Notice } from "@/components/Notice";
import { QueryState } from "@/components/QueryState";
import { TokenAmount } from "@/components/TokenAmount";
import { appDeployment } from "@/config/deployment";
import { HistoryList } from "@/features/events/HistoryList";
import type { HistoryEntry } from "@/features/events/history";
import { tokenFrom } from "@/features/tokens/registry";
import { useTokenMap } from "@/features/tokens/hooks";
import { TxButton } from "@/features/tx/TxButton";
import { TxStatus } from "@/features/tx/TxStatus";
import { useTransaction } from "@/features/tx/useTransaction";
import { useChainNow } from "@/hooks/useChainNow";
import { useOrigin } from "@/hooks/useOrigin";
import { isZeroAddress, sameAddress, shortAddress } from "@/lib/address";
import { formatAmount } from "@/lib/amount";
import { parseId } from "@/lib/ids";
import { formatPrice, inversePrice, unitPrice } from "@/lib/price";
import { queryKeys } from "@/lib/queryKeys";
import { formatDateTime } from "@/lib/time";
import { FillPanel } from "./FillPanel";
import { useOffer, useOfferHistory } from "./hooks";
import { canCancelOffer, isPrivateOffer, offerPhase, offerPhaseLabel } from "./status";

function describeEvent(e: HistoryEntry, sell: TokenInfo, buy: TokenInfo): string {
  const amt = (v: unknown, t: TokenInfo) => `${formatAmount(v as bigint, t.decimals)} ${t.symbol}`;
  switch (e.eventName) {
    case "OfferCreated":
      return `Created by ${shortAddress(String(e.args.maker))}: ${amt(e.args.sellAmount, sell)} for ${amt(e.args.buyAmount, buy)}`;
    case "OfferFilled":
      return `${shortAddress(String(e.args.taker))} bought ${amt(e.args.sellAmount, sell)} for ${amt(e.args.buyAmount, buy)}; ${amt(e.args.sellRemaining, sell)} left`;
    case "OfferCancelled":
      return `Cancelled by the maker; ${amt(e.args.refunded, sell)} refunded`;
    default:
      return e.eventName;
  }
}

export function OfferView({ rawId }: { rawId: string }) {
  const id = parseId(rawId);
  const offer = useOffer(id);
  const history = useOfferHistory(id);
  const tokens = useTokenMap();
  const now = useChainNow();
  const { address } = useConnection();
  const origin = useOrigin();
  // One transaction for the page: its status stays visible after the offer fills or is cancelled.
  const tx = useTransaction();

  if (!appDeployment) return <NotDeployed heading="Offer" />;
  if (id === null) {
    return (
      <>
        <h1>Not an offer link</h1>
        <Notice kind="error" title="This link does not point to an offer.">
          <p>&ldquo;{rawId.slice(0, 80)}&rdquo; is not an offer number. Offer links look like /offers/12.</p>
        </Notice>
      </>
    );
  }
  if (offer.isLoading || offer.error) {
    return (
      <>
        <h1>Offer #{id.toString()}</h1>
        <QueryState what={`offer #${id}`} isLoading={offer.isLoading} error={offer.error} retry={() => offer.refetch()} />
      </>
    );
  }
  const o = offer.data;
  if (!o) {
    return (
      <>
        <h1>Offer #{id.toString()}</h1>
        <Notice kind="warn" title={`Offer #${id} does not exist.`}>
          <p>No offer has this number yet on this chain.</p>
        </Notice>
      </>
    );
  }

  const sell = tokenFrom(tokens, o.sellToken);
  const buy = tokenFrom(tokens, o.buyToken);
  const phase = now === undefined ? undefined : offerPhase(o, now);
  const terms = { sellAmount: o.sellAmount, buyAmount: o.buyAmount, sellDecimals: sell.decimals, buyDecimals: buy.decimals };
  const isMaker = sameAddress(o.maker, address);
  const link = `${origin}/offers/${id}`;

  return (
    <>
      <div className="row">
        <h1>Offer #{id.toString()}</h1>
        {phase ? (
          <span className={`badge ${phase}`} data-testid="offer-status">
            {offerPhaseLabel[phase]}
          </span>
        ) : null}
        {isPrivateOffer(o) ? <span className="badge private">Private</span> : null}
      </div>

      <div className="grid-2">
        <section className="card" aria-label="Offer details">
          <dl className="facts">
            <dt>Maker</dt>
            <dd>
              <AddressText address={o.maker} you={isMaker} />
            </dd>
            <dt>Sells</dt>
            <dd>
              <TokenAmount value={o.sellAmount} token={sell} />
            </dd>
            <dt>For</dt>
            <dd>
              <TokenAmount value={o.buyAmount} token={buy} />
            </dd>
            <dt>{o.status === OfferStatus.Cancelled ? "Refunded" : "Remaining"}</dt>
            <dd data-testid="offer-remaining">
              <TokenAmount value={o.sellRemaining} token={sell} />
            </dd>
            <dt>Price</dt>
            <dd>
              1 {sell.symbol} = {formatPrice(unitPrice(terms))} {buy.symbol}
              <br />
              <span className="muted">
                1 {buy.symbol} = {formatPrice(inversePrice(terms))} {sell.symbol}
              </span>
            </dd>
            <dt>Taker</dt>
            <dd>{isZeroAddress(o.taker) ? "Anyone" : <AddressText address={o.taker} you={sameAddress(o.taker, address)} />}</dd>
            <dt>Expires</dt>
            <dd>
              {o.expiry === 0n ? (
                "Never"
              ) : o.status === OfferStatus.Open ? (
                <>
                  <Countdown target={o.expiry} now={now} testId="offer-expiry" /> <span className="muted">({formatDateTime(o.expiry)})</span>
                </>
              ) : (
                formatDateTime(o.expiry)
              )}
            </dd>
            <dt>Partial fills</dt>
            <dd>{o.partialFills ? "Allowed" : "No: all or nothing"}</dd>
            <dt>Tokens</dt>
            <dd>
              <span className="mono">{sell.symbol}</span> {isZeroAddress(sell.address) ? "(native)" : <AddressText address={sell.address} />}
              <br />
              <span className="mono">{buy.symbol}</span> {isZeroAddress(buy.address) ? "(native)" : <AddressText address={buy.address} />}
            </dd>
          </dl>
          <h2 className="subhead">Share</h2>
          <p className="mono" data-testid="share-link">
            {link}
          </p>
          <CopyButton text={link} />
        </section>

        <div>
          {phase === "open" && !isMaker ? <FillPanel offer={o} sell={sell} buy={buy} account={address} now={now} tx={tx} /> : null}
          {phase && phase !== "open" ? (
            <Notice kind={phase === "expired" ? "warn" : "info"} title={phase === "expired" ? "This offer has expired." : `This offer is ${offerPhaseLabel[phase].toLowerCase()}.`}>
              {phase === "expired" && canCancelOffer(o, address) ? <p>Cancel it to get the remaining tokens back.</p> : null}
            </Notice>
          ) : null}
          {canCancelOffer(o, address) ? (
            <section className="card" aria-label="Cancel">
              <p style={{ marginTop: 0 }}>
                You made this offer. Cancelling refunds the remaining <TokenAmount value={o.sellRemaining} token={sell} />.
              </p>
              <TxButton
                label="Cancel offer"
                tx={tx}
                variant="danger"
                plan={() =>
                  address
                    ? {
                        calls: [{ step: "Cancel offer", address: appDeployment!.swapEscrow.address, abi: swapEscrowAbi, functionName: "cancelOffer", args: [id] }],
                        invalidate: [queryKeys.offer(id), queryKeys.offerHistory(id), queryKeys.balances(address)],
                        changed: { offerIds: [id] },
                      }
                    : undefined
                }
              />
            </section>
          ) : null}
          <TxStatus state={tx.state} />
        </div>
      </div>

      <h2>History</h2>
      <section className="card" aria-label="History">
        {history.data ? (
          <HistoryList entries={history.data} describe={(e) => describeEvent(e, sell, buy)} />
        ) : (
          <QueryState what="the history" isLoading={history.isLoading} error={history.error} retry={() => history.refetch()} />
        )}
      </section>
    </>
  );
}
