"use client";

import Link from "next/link";
import { zeroAddress } from "viem";
import { AddressText } from "@/components/AddressText";
import { Countdown } from "@/components/Countdown";
import { ReputationBadge } from "@/features/reputation/ReputationBadge";
import { tokenFrom } from "@/features/tokens/registry";
import { OfferTermsCells } from "@/features/trades/OfferTermsCells";
import { TradeCell, TradeRow, TradeTable, type TradeListProps } from "@/features/trades/TradeTable";
import { sameAddress } from "@/lib/address";
import { type ListedSignedOrder, seenOnWords } from "./mergeOrders";
import { signedOfferPath } from "./signedOffer";

const columns = ["Offer", "Sells (remaining)", "Price", "Cost of the rest", "Expires", "Kind", "Seen on"] as const;

/** Signed offers from the order book and the relays; each links to its order page, which fills it from the share link. */
export function SignedOrderTable({ orders, tokens, now, account, ...list }: TradeListProps & { orders: readonly ListedSignedOrder[] }) {
  return (
    <TradeTable
      {...list}
      items={orders}
      itemsName="signed offers"
      columns={columns}
      row={({ orderHash, signed, remaining, link, seenOn }) => {
        const { order } = signed;
        const sell = tokenFrom(tokens, order.sellToken);
        const buy = tokenFrom(tokens, order.buyToken);
        const mine = sameAddress(order.maker, account);
        const path = signedOfferPath(link);
        return (
          <TradeRow key={orderHash} testId={`signed-row-${orderHash.toLowerCase()}`}>
            <TradeCell label="Offer">
              <Link href={path}>Signed offer {orderHash.slice(0, 10)}</Link>
              {mine ? <span className="muted"> (yours)</span> : null}{" "}
              {!mine && (order.taker === zeroAddress || sameAddress(order.taker, account)) ? (
                <Link className="button small" href={path} aria-label={`Fill signed offer ${orderHash.slice(0, 10)}`}>
                  Fill
                </Link>
              ) : null}
              <div className="small">
                by <AddressText address={order.maker} you={mine} /> <ReputationBadge address={order.maker} />
              </div>
            </TradeCell>
            <OfferTermsCells sellAmount={order.sellAmount} buyAmount={order.buyAmount} remaining={remaining} sell={sell} buy={buy} />
            <TradeCell label="Expires">{order.expiry === 0n ? "Never" : <Countdown target={order.expiry} now={now} />}</TradeCell>
            <TradeCell label="Kind">
              <span className="badge signed" title="Gasless: the maker signed it and keeps the tokens until a taker fills it">
                Signed
              </span>{" "}
              {order.taker !== zeroAddress ? <span className="badge private">Private</span> : null}{" "}
              {!order.partialFills ? <span className="badge">All or nothing</span> : null}
            </TradeCell>
            <TradeCell label="Seen on">
              <span className="small seen-on" data-testid="seen-on">
                {seenOnWords(seenOn)}
              </span>
            </TradeCell>
          </TradeRow>
        );
      }}
    />
  );
}
