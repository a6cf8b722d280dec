"use client";

import { OfferStatus, swapEscrowAbi, type TokenInfo } from "@peerlock/sdk";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { ReputationBadge } from "@/features/reputation/ReputationBadge";
import { Countdown } from "@/components/Countdown";
import { Notice } from "@/components/Notice";
import { TokenAmount } from "@/components/TokenAmount";
import { appDeployment } from "@/config/deployment";
import type { HistoryEntry } from "@/features/events/history";
import { TradeHistory } from "@/features/events/TradeHistory";
import { tokenFrom } from "@/features/tokens/registry";
import { useTokenMap } from "@/features/tokens/hooks";
import { ShareLink } from "@/features/trades/ShareLink";
import { gateTradeLink } from "@/features/trades/TradeLinkGate";
import { TxButton } from "@/features/tx/TxButton";
import { TxStatus } from "@/features/tx/TxStatus";
import { contractCall, useTransaction } from "@/features/tx/useTransaction";
import { ConnectPrompt } from "@/features/wallet/ConnectPrompt";
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
  const linkId = parseId(rawId);
  const offer = useOffer(linkId);
  const history = useOfferHistory(linkId);
  const tokens = useTokenMap([offer.data?.sellToken, offer.data?.buyToken]);
  const now = useChainNow();
  const { address } = useConnection();
  const origin = useOrigin();
  // One transaction for the page: its status stays visible after the offer fills or is cancelled.
  const tx = useTransaction();

  const gate = gateTradeLink("offer", rawId, linkId, offer);
  if (!gate.ready) return gate.page;
  const { id, trade: o } = gate;

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
      {!address && o.status === OfferStatus.Open ? <ConnectPrompt label="Connect a wallet to act on this offer" /> : null}

      <div className="grid-2">
        <section className="card" aria-label="Offer details">
          <dl className="facts">
            <dt>Maker</dt>
            <dd>
              <AddressText address={o.maker} you={isMaker} /> <ReputationBadge address={o.maker} />
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
          <ShareLink link={link} />
        </section>

        <div className="main-action">
          {phase === "open" && !isMaker ? <FillPanel offer={o} sell={sell} buy={buy} account={address} now={now} tx={tx} /> : null}
          {phase && phase !== "open" ? (
            <Notice
              kind={phase === "expired" ? "warn" : "info"}
              title={phase === "expired" ? "This offer has expired." : `This offer is ${offerPhaseLabel[phase].toLowerCase()}.`}
            >
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
                        calls: [
                          contractCall({
                            step: "Cancel offer",
                            address: appDeployment!.swapEscrow.address,
                            abi: swapEscrowAbi,
                            functionName: "cancelOffer",
                            args: [id],
                          }),
                        ],
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

      <TradeHistory history={history} describe={(e) => describeEvent(e, sell, buy)} />
    </>
  );
}
