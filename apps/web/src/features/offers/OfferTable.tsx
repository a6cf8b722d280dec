"use client";

import type { OfferWithId } from "@peerlock/sdk";
import Link from "next/link";
import { AddressText } from "@/components/AddressText";
import { Countdown } from "@/components/Countdown";
import { ReputationBadge } from "@/features/reputation/ReputationBadge";
import { tokenFrom } from "@/features/tokens/registry";
import { OfferTermsCells } from "@/features/trades/OfferTermsCells";
import { TradeCell, TradeRow, TradeTable, type TradeListProps } from "@/features/trades/TradeTable";
import { sameAddress } from "@/lib/address";
import { isPrivateOffer, offerPhase, offerPhaseLabel, showsOfferExpiry } from "./status";

const columns = ["Offer", "Sells (remaining)", "Price", "Cost of the rest", "Expires", "Status"] as const;

export function OfferTable({
  offers,
  tokens,
  now,
  account,
  showMaker,
  ...list
}: TradeListProps & {
  offers: readonly OfferWithId[] /** Name the maker and its track record under each offer (the market). */;
  showMaker?: boolean;
}) {
  return (
    <TradeTable
      {...list}
      items={offers}
      itemsName="offers"
      columns={columns}
      row={(o) => {
        const sell = tokenFrom(tokens, o.sellToken);
        const buy = tokenFrom(tokens, o.buyToken);
        const phase = now === undefined ? "open" : offerPhase(o, now);
        return (
          <TradeRow key={o.id.toString()} testId={`offer-row-${o.id}`}>
            <TradeCell label="Offer">
              <Link href={`/offers/${o.id}`}>Offer #{o.id.toString()}</Link>
              {sameAddress(o.maker, account) ? <span className="muted"> (yours)</span> : null}
              {showMaker ? (
                <div className="small">
                  by <AddressText address={o.maker} you={sameAddress(o.maker, account)} /> <ReputationBadge address={o.maker} />
                </div>
              ) : null}
            </TradeCell>
            <OfferTermsCells sellAmount={o.sellAmount} buyAmount={o.buyAmount} remaining={o.sellRemaining} sell={sell} buy={buy} />
            <TradeCell label="Expires">
              {!showsOfferExpiry(phase) ? (
                <span aria-label="No expiry: the offer is closed">—</span>
              ) : o.expiry === 0n ? (
                "Never"
              ) : (
                <Countdown target={o.expiry} now={now} />
              )}
            </TradeCell>
            <TradeCell label="Status">
              <span className="badge escrowed" title="Locked on chain: always fillable until it expires or is cancelled">
                Escrowed
              </span>{" "}
              <span className={`badge ${phase}`}>{offerPhaseLabel[phase]}</span>{" "}
              {isPrivateOffer(o) ? (
                <span className="badge private">{sameAddress(o.taker, account) && phase === "open" ? "For you" : "Private"}</span>
              ) : null}{" "}
              {!o.partialFills ? <span className="badge">All or nothing</span> : null}
            </TradeCell>
          </TradeRow>
        );
      }}
    />
  );
}
