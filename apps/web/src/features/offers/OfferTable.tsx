"use client";

import { quoteFill, type OfferWithId } from "@peerlock/sdk";
import Link from "next/link";
import { useState } from "react";
import type { Address } from "viem";
import { Countdown } from "@/components/Countdown";
import { TokenAmount } from "@/components/TokenAmount";
import { tokenFrom, type TokenMap } from "@/features/tokens/registry";
import { sameAddress } from "@/lib/address";
import { formatPrice, unitPrice } from "@/lib/price";
import { isPrivateOffer, offerPhase, offerPhaseLabel } from "./status";

const PAGE = 50;

type Props = {
  offers: readonly OfferWithId[];
  tokens: TokenMap;
  now: bigint | undefined;
  account?: Address;
  caption: string;
  empty: string;
  testId?: string;
};

/** Offers as a table on wide screens and as cards on phones; 50 rows at a time. */
export function OfferTable({ offers, tokens, now, account, caption, empty, testId }: Props) {
  const [shown, setShown] = useState(PAGE);
  if (offers.length === 0) return <p className="muted" data-testid={testId}>{empty}</p>;
  return (
    <div data-testid={testId}>
      <div className="table-wrap">
        <table className="list">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Offer</th>
              <th scope="col">Sells (remaining)</th>
              <th scope="col">Price</th>
              <th scope="col">Cost of the rest</th>
              <th scope="col">Expires</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {offers.slice(0, shown).map((o) => {
              const sell = tokenFrom(tokens, o.sellToken);
              const buy = tokenFrom(tokens, o.buyToken);
              const phase = now === undefined ? "open" : offerPhase(o, now);
              const price = unitPrice({ sellAmount: o.sellAmount, buyAmount: o.buyAmount, sellDecimals: sell.decimals, buyDecimals: buy.decimals });
              return (
                <tr key={o.id.toString()} data-testid={`offer-row-${o.id}`}>
                  <td data-label="Offer">
                    <Link href={`/offers/${o.id}`}>Offer #{o.id.toString()}</Link>
                    {sameAddress(o.maker, account) ? <span className="muted"> (yours)</span> : null}
                  </td>
                  <td data-label="Sells" className="num">
                    <TokenAmount value={o.sellRemaining} token={sell} />
                    {o.sellRemaining !== o.sellAmount ? (
                      <span className="muted">
                        {" "}
                        of <TokenAmount value={o.sellAmount} token={sell} />
                      </span>
                    ) : null}
                  </td>
                  <td data-label="Price" className="num">
                    {formatPrice(price)} {buy.symbol}/{sell.symbol}
                  </td>
                  <td data-label="Cost of the rest" className="num">
                    <TokenAmount value={quoteFill(o, o.sellRemaining)} token={buy} />
                  </td>
                  <td data-label="Expires">{o.expiry === 0n ? "Never" : <Countdown target={o.expiry} now={now} />}</td>
                  <td data-label="Status">
                    <span className={`badge ${phase}`}>{offerPhaseLabel[phase]}</span>{" "}
                    {isPrivateOffer(o) ? <span className="badge private">Private</span> : null}{" "}
                    {!o.partialFills ? <span className="badge">All or nothing</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {offers.length > shown ? (
        <p>
          <button type="button" className="secondary" onClick={() => setShown((n) => n + PAGE)}>
            Show more offers ({offers.length - shown} more)
          </button>
        </p>
      ) : null}
    </div>
  );
}
