"use client";

import { quoteFill, type TokenInfo } from "@peerlock/sdk";
import { TokenAmount } from "@/components/TokenAmount";
import { formatPrice, unitPrice } from "@/lib/price";
import { TradeCell } from "./TradeTable";

/**
 * The cells every offer table shows, escrowed or signed: what is left to sell (and of how much),
 * the unit price, and what buying the rest costs (rounded as the contracts round).
 */
export function OfferTermsCells({
  sellAmount,
  buyAmount,
  remaining,
  sell,
  buy,
}: {
  sellAmount: bigint;
  buyAmount: bigint;
  remaining: bigint;
  sell: TokenInfo;
  buy: TokenInfo;
}) {
  const price = unitPrice({ sellAmount, buyAmount, sellDecimals: sell.decimals, buyDecimals: buy.decimals });
  return (
    <>
      <TradeCell label="Sells" num>
        <TokenAmount value={remaining} token={sell} />
        {remaining !== sellAmount ? (
          <span className="muted">
            {" "}
            of <TokenAmount value={sellAmount} token={sell} />
          </span>
        ) : null}
      </TradeCell>
      <TradeCell label="Price" num>
        {formatPrice(price)} {buy.symbol}/{sell.symbol}
      </TradeCell>
      <TradeCell label="Cost of the rest" num>
        <TokenAmount value={quoteFill({ sellAmount, buyAmount }, remaining)} token={buy} />
      </TradeCell>
    </>
  );
}
