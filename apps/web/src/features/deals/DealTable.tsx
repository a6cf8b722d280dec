"use client";

import { DealStatus, dealStatusName, type DealWithId } from "@peerlock/sdk";
import Link from "next/link";
import { AddressText } from "@/components/AddressText";
import { ReputationBadge } from "@/features/reputation/ReputationBadge";
import { Countdown } from "@/components/Countdown";
import { TokenAmount } from "@/components/TokenAmount";
import { tokenFrom } from "@/features/tokens/registry";
import { TradeCell, TradeRow, TradeTable, type TradeListProps } from "@/features/trades/TradeTable";
import { isZeroAddress, sameAddress } from "@/lib/address";
import { formatWindow } from "@/lib/time";
import { useMarketTerms } from "@/features/room/useMarketTerms";
import { isPaymentOverdue } from "./actions";
import { dealWaitsFor } from "./situation";

const columns = ["Deal", "Amount", "Price", "Payment method", "Seller", "Buyer", "Arbiter (fee)", "Payment window", "Status"] as const;

export function DealTable({ deals, tokens, now, account, ...list }: TradeListProps & { deals: readonly DealWithId[] }) {
  // Public terms from the deal room, each checked against the deal's termsHash in this browser.
  const terms = useMarketTerms(deals);
  return (
    <TradeTable
      {...list}
      items={deals}
      itemsName="deals"
      columns={columns}
      row={(d) => {
        const overdue = now !== undefined && isPaymentOverdue(d, now);
        const status = dealStatusName(d.status);
        return (
          <TradeRow key={d.id.toString()} testId={`deal-row-${d.id}`}>
            <TradeCell label="Deal">
              <Link href={`/deals/${d.id}`}>Deal #{d.id.toString()}</Link>
            </TradeCell>
            <TradeCell label="Amount" num>
              <TokenAmount value={d.amount} token={tokenFrom(tokens, d.token)} />
            </TradeCell>
            <TradeCell label="Price">
              <span data-testid="deal-price">{terms.get(d.id.toString())?.price ?? "—"}</span>
            </TradeCell>
            <TradeCell label="Payment method">
              <span data-testid="deal-method">{terms.get(d.id.toString())?.method ?? "—"}</span>
            </TradeCell>
            <TradeCell label="Seller">
              <AddressText address={d.seller} you={sameAddress(d.seller, account)} /> <ReputationBadge address={d.seller} />
            </TradeCell>
            <TradeCell label="Buyer">
              {isZeroAddress(d.buyer) ? (
                <span className="muted">Not taken yet</span>
              ) : (
                <AddressText address={d.buyer} you={sameAddress(d.buyer, account)} />
              )}
            </TradeCell>
            <TradeCell label="Arbiter (fee)">
              <AddressText address={d.arbiter} you={sameAddress(d.arbiter, account)} /> ({(d.arbiterFeeBps / 100).toString()} %)
            </TradeCell>
            <TradeCell label="Payment window">
              {d.status === DealStatus.Taken ? <Countdown target={d.paymentDeadline} now={now} /> : formatWindow(d.paymentWindow)}
            </TradeCell>
            <TradeCell label="Status">
              {dealWaitsFor(d, account, now) ? (
                <>
                  <span className="badge waits" data-testid="waits-for-you">
                    Waits for you
                  </span>{" "}
                </>
              ) : null}
              <span className={`badge ${overdue ? "overdue" : status.toLowerCase()}`}>{overdue ? "Payment overdue" : status}</span>{" "}
              {d.status === DealStatus.Listed && !isZeroAddress(d.buyer) ? (
                <span className="badge private">{sameAddress(d.buyer, account) ? "Reserved for you" : "Private"}</span>
              ) : null}
            </TradeCell>
          </TradeRow>
        );
      }}
    />
  );
}
