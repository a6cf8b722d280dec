import type { TokenInfo } from "@peerlock/sdk";
import { formatAmount } from "@/lib/amount";

export type SignedFillCheck = { ready: boolean; blockers: string[] };

/**
 * Whether the taker may press Fill on a signed offer: only once their balance of the buy token is
 * known to cover the quote, so the app never asks for an approval that the fill cannot use.
 */
export function signedFillCheck({
  quote,
  balance,
  buy,
}: {
  quote: bigint | undefined;
  balance: bigint | undefined;
  buy: TokenInfo;
}): SignedFillCheck {
  if (quote === undefined || balance === undefined) return { ready: false, blockers: [] };
  if (balance < quote) {
    const fmt = (v: bigint) => `${formatAmount(v, buy.decimals)} ${buy.symbol}`;
    return { ready: false, blockers: [`You need ${fmt(quote)} but hold ${fmt(balance)}: buy less, or get more ${buy.symbol} first.`] };
  }
  return { ready: true, blockers: [] };
}
