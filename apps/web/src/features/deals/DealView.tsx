"use client";

import { DealStatus, dealStatusName, type TokenInfo } from "@peerlock/sdk";
import dynamic from "next/dynamic";
import { useConnection } from "wagmi";
import { AddressText } from "@/components/AddressText";
import { ReputationBadge } from "@/features/reputation/ReputationBadge";
import { Countdown } from "@/components/Countdown";
import { TokenAmount } from "@/components/TokenAmount";
import type { HistoryEntry } from "@/features/events/history";
import { TradeHistory } from "@/features/events/TradeHistory";
import { useTokenMap } from "@/features/tokens/hooks";
import { tokenFrom } from "@/features/tokens/registry";
import { ShareLink } from "@/features/trades/ShareLink";
import { gateTradeLink } from "@/features/trades/TradeLinkGate";
import { TxStatus } from "@/features/tx/TxStatus";
import { useTransaction } from "@/features/tx/useTransaction";
import { ConnectPrompt } from "@/features/wallet/ConnectPrompt";
import { useChainNow } from "@/hooks/useChainNow";
import { useOrigin } from "@/hooks/useOrigin";
import { isZeroAddress, sameAddress, shortAddress } from "@/lib/address";
import { formatAmount } from "@/lib/amount";
import { parseId } from "@/lib/ids";
import { dealLinkPath, roomDealLinkPath } from "@/lib/termsLink";
import { useRoomTerms } from "@/features/room/hooks";
import { RoomTermsPanel } from "@/features/room/RoomTermsPanel";
import { termsSeen as termsOnScreen } from "@/features/room/roomTerms";
import { formatDateTime, formatWindow } from "@/lib/time";
import { dealRole, isPaymentOverdue } from "./actions";
import { DealActions } from "./DealActions";
import { DealOutcomeCard } from "./DealOutcomeCard";
import { useDeal, useDealHistory } from "./hooks";
import { dealOutcome } from "./outcome";
import { dealSituation, showsPaymentCountdown } from "./situation";

// The conversation (signed messages, session keys, evidence) comes after the deal's facts and
// actions: its code, with secp256k1 for the signatures, loads once the page is up.
const ChatPanel = dynamic(() => import("@/features/room/ChatPanel").then((m) => m.ChatPanel), {
  ssr: false,
  loading: () => <p className="muted">Loading the conversation…</p>,
});

function describeEvent(e: HistoryEntry, token: TokenInfo): string {
  const amt = (v: unknown) => `${formatAmount(v as bigint, token.decimals)} ${token.symbol}`;
  const who = (v: unknown) => shortAddress(String(v));
  switch (e.eventName) {
    case "DealOpened":
      return `Opened by ${who(e.args.seller)} with ${amt(e.args.amount)}`;
    case "DealTaken":
      return `Taken by ${who(e.args.buyer)}`;
    case "DealPaid":
      return "Marked paid by the buyer";
    case "DealReleased":
      return "Released to the buyer";
    case "DealRefunded":
      return `Cancelled by ${who(e.args.by)}; refunded to the seller`;
    case "DealDisputed":
      return `Disputed by ${who(e.args.by)}`;
    case "DealResolved":
      return `Resolved: ${amt(e.args.toBuyer)} to the buyer, ${amt(e.args.toSeller)} to the seller, ${amt(e.args.fee)} fee`;
    default:
      return e.eventName;
  }
}

export function DealView({ rawId }: { rawId: string }) {
  const linkId = parseId(rawId);
  const deal = useDeal(linkId);
  const history = useDealHistory(linkId);
  const tokens = useTokenMap([deal.data?.token]);
  const now = useChainNow();
  const { address } = useConnection();
  const origin = useOrigin();
  const tx = useTransaction();
  const roomTerms = useRoomTerms(linkId, deal.data?.termsHash);

  const gate = gateTradeLink("deal", rawId, linkId, deal);
  if (!gate.ready) return gate.page;
  const { id, trade: d } = gate;

  const token = tokenFrom(tokens, d.token);
  const role = dealRole(d, address);
  const overdue = now !== undefined && isPaymentOverdue(d, now);
  const status = dealStatusName(d.status);
  // One terms check per page (useRoomTerms); share only terms that passed it, and never the private details.
  const view = roomTerms.view;
  const sharePath =
    view.kind === "v2" && view.verified
      ? roomDealLinkPath(id, view.publicText, view.privateDetailsHash)
      : dealLinkPath(id, view.kind === "v1" && view.verified ? view.text : undefined);
  const link = `${origin}${sharePath}`;
  // Nobody takes a deal blind: the terms must be on screen and match the on-chain hash.
  const termsSeen = termsOnScreen(view);
  // The countdown runs only while the buyer can still pay; once paid or disputed the deadline is history.
  const countdown = showsPaymentCountdown(d);
  const deadlineMet = d.status === DealStatus.Paid || d.status === DealStatus.Disputed;
  const outcome = dealOutcome(d, history.data);

  return (
    <>
      <div className="row">
        <h1>Deal #{id.toString()}</h1>
        <span className={`badge ${overdue ? "overdue" : status.toLowerCase()}`} data-testid="deal-status" data-status={status}>
          {overdue ? "Payment overdue" : status}
        </span>
      </div>
      {address ? (
        <p data-testid="deal-role" data-role={role}>
          {dealSituation(d, role, now)}
        </p>
      ) : (
        <ConnectPrompt label="Connect a wallet to act on this deal" />
      )}

      <div className="grid-2">
        <div>
          <section className="card" aria-label="Deal details">
            <dl className="facts">
              <dt>Amount</dt>
              <dd>
                <TokenAmount value={d.amount} token={token} />
              </dd>
              <dt>Seller</dt>
              <dd>
                <AddressText address={d.seller} you={sameAddress(d.seller, address)} /> <ReputationBadge address={d.seller} />
              </dd>
              <dt>Buyer</dt>
              <dd>
                {isZeroAddress(d.buyer) ? (
                  "Anyone (not taken yet)"
                ) : (
                  <>
                    <AddressText address={d.buyer} you={sameAddress(d.buyer, address)} /> <ReputationBadge address={d.buyer} />
                    {d.status === DealStatus.Listed ? <span className="muted"> (reserved)</span> : null}
                  </>
                )}
              </dd>
              <dt>Arbiter</dt>
              <dd>
                <AddressText address={d.arbiter} you={sameAddress(d.arbiter, address)} /> — fee {d.arbiterFeeBps / 100} %, only if they resolve
              </dd>
              <dt>Payment window</dt>
              <dd>{formatWindow(d.paymentWindow)} once taken</dd>
              {countdown ? (
                <>
                  <dt>Payment deadline</dt>
                  <dd>
                    <Countdown target={d.paymentDeadline} now={now} testId="payment-deadline" />{" "}
                    <span className="muted">({formatDateTime(d.paymentDeadline)})</span>
                  </dd>
                </>
              ) : deadlineMet ? (
                <>
                  <dt>Payment deadline</dt>
                  <dd data-testid="payment-deadline-met">
                    {formatDateTime(d.paymentDeadline)} <span className="muted">(met: the buyer marked the deal paid)</span>
                  </dd>
                </>
              ) : null}
              <dt>Token</dt>
              <dd data-testid="deal-token-symbol">
                <span className="mono">{token.symbol}</span> {isZeroAddress(d.token) ? "(native)" : <AddressText address={d.token} />}
              </dd>
            </dl>
            <ShareLink link={link} />
            {!termsSeen ? (
              <p className="hint">This link has no verified terms; share the seller&apos;s original link so the buyer can check them.</p>
            ) : null}
          </section>
          <RoomTermsPanel dealId={id} deal={d} account={address} view={view} published={roomTerms.published} relayTerms={roomTerms.relayTerms} />
        </div>

        <div className="main-action">
          {outcome ? <DealOutcomeCard outcome={outcome} token={token} account={address} /> : null}
          {address && now !== undefined ? (
            <DealActions
              deal={d}
              token={token}
              account={address}
              now={now}
              tx={tx}
              takeBlockedReason={
                termsSeen ? undefined : "Read the deal's terms first: they are not shown here or do not match the deal's on-chain fingerprint."
              }
            />
          ) : null}
          <TxStatus state={tx.state} />
          <ChatPanel dealId={id} deal={d} account={address} />
        </div>
      </div>

      <TradeHistory history={history} describe={(e) => describeEvent(e, token)} />
    </>
  );
}
