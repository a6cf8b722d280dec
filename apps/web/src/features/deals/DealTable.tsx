"use client";

import { DealStatus, dealStatusName, type DealWithId } from "@peerlock/sdk";
import Link from "next/link";
import { useState } from "react";
import type { Address } from "viem";
import { AddressText } from "@/components/AddressText";
import { Countdown } from "@/components/Countdown";
import { TokenAmount } from "@/components/TokenAmount";
import { tokenFrom, type TokenMap } from "@/features/tokens/registry";
import { isZeroAddress, sameAddress } from "@/lib/address";
import { formatWindow } from "@/lib/time";
import { isPaymentOverdue } from "./actions";

const PAGE = 50;

type Props = {
  deals: readonly DealWithId[];
  tokens: TokenMap;
  now: bigint | undefined;
  account?: Address;
  caption: string;
  empty: string;
  testId?: string;
};

export function DealTable({ deals, tokens, now, account, caption, empty, testId }: Props) {
  const [shown, setShown] = useState(PAGE);
  if (deals.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <div data-testid={testId}>
      <div className="table-wrap">
        <table className="list">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Deal</th>
              <th scope="col">Amount</th>
              <th scope="col">Seller</th>
              <th scope="col">Arbiter (fee)</th>
              <th scope="col">Payment window</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {deals.slice(0, shown).map((d) => {
              const overdue = now !== undefined && isPaymentOverdue(d, now);
              const status = dealStatusName(d.status);
              return (
                <tr key={d.id.toString()} data-testid={`deal-row-${d.id}`}>
                  <td data-label="Deal">
                    <Link href={`/deals/${d.id}`}>Deal #{d.id.toString()}</Link>
                  </td>
                  <td data-label="Amount" className="num">
                    <TokenAmount value={d.amount} token={tokenFrom(tokens, d.token)} />
                  </td>
                  <td data-label="Seller">
                    <AddressText address={d.seller} you={sameAddress(d.seller, account)} />
                  </td>
                  <td data-label="Arbiter (fee)">
                    <AddressText address={d.arbiter} you={sameAddress(d.arbiter, account)} /> ({(d.arbiterFeeBps / 100).toString()} %)
                  </td>
                  <td data-label="Payment window">
                    {d.status === DealStatus.Taken ? <Countdown target={d.paymentDeadline} now={now} /> : formatWindow(d.paymentWindow)}
                  </td>
                  <td data-label="Status">
                    <span className={`badge ${overdue ? "overdue" : status.toLowerCase()}`}>{overdue ? "Payment overdue" : status}</span>{" "}
                    {d.status === DealStatus.Listed && !isZeroAddress(d.buyer) ? (
                      <span className="badge private">{sameAddress(d.buyer, account) ? "Reserved for you" : "Private"}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {deals.length > shown ? (
        <p>
          <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show more deals ({deals.length - shown} more)
          </button>
        </p>
      ) : null}
    </div>
  );
}
