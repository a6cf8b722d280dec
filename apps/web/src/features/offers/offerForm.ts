import type { CreateOfferArgs, TokenInfo } from "@peerlock/sdk";
import { zeroAddress, type Address } from "viem";
import { parseOptionalAddress, sameAddress } from "@/lib/address";
import { formatAmount, parseAmount } from "@/lib/amount";
import type { ExpiryResult } from "./expiry";

export type OfferFormInput = {
  sell: TokenInfo | undefined;
  buy: TokenInfo | undefined;
  sellText: string;
  buyText: string;
  takerText: string;
  expiry: ExpiryResult | undefined;
  partialFills: boolean;
  account: Address | undefined;
  sellBalance: bigint | undefined;
};

export type OfferFormCheck = {
  errors: { sellAmount?: string; buyAmount?: string; taker?: string; expiry?: string; tokens?: string };
  /** Reasons createOffer would fail that are not about one field (connection, balance). */
  blockers: string[];
  args?: CreateOfferArgs;
  sellAmount?: bigint;
  buyAmount?: bigint;
};

/** Validates the create-offer form with the contract's rules (ZeroAmount, SameToken, InvalidTaker, InvalidExpiry). */
export function checkOfferForm(f: OfferFormInput): OfferFormCheck {
  const errors: OfferFormCheck["errors"] = {};
  const blockers: string[] = [];
  const sellAmount = f.sell ? parseAmount(f.sellText, f.sell.decimals) : undefined;
  const buyAmount = f.buy ? parseAmount(f.buyText, f.buy.decimals) : undefined;
  if (f.sellText.trim() !== "" && sellAmount && !sellAmount.ok) errors.sellAmount = sellAmount.error;
  if (f.buyText.trim() !== "" && buyAmount && !buyAmount.ok) errors.buyAmount = buyAmount.error;
  if (f.sell && f.buy && sameAddress(f.sell.address, f.buy.address)) errors.tokens = "Pick two different tokens.";
  const taker = parseOptionalAddress(f.takerText);
  if (!taker.ok) errors.taker = taker.error;
  else if (taker.value && sameAddress(taker.value, f.account)) errors.taker = "You cannot name yourself as the taker.";
  if (f.expiry && !f.expiry.ok) errors.expiry = f.expiry.error;

  if (!f.account) blockers.push("Connect a wallet to create an offer.");
  if (!f.sell || !f.buy) blockers.push("Choose both tokens.");
  if (sellAmount?.ok && f.sell && f.sellBalance !== undefined && f.sellBalance < sellAmount.value) {
    blockers.push(
      `You hold ${formatAmount(f.sellBalance, f.sell.decimals)} ${f.sell.symbol}, less than the ${formatAmount(sellAmount.value, f.sell.decimals)} ${f.sell.symbol} to sell.`,
    );
  }

  const result: OfferFormCheck = {
    errors,
    blockers,
    sellAmount: sellAmount?.ok ? sellAmount.value : undefined,
    buyAmount: buyAmount?.ok ? buyAmount.value : undefined,
  };
  const valid = Object.keys(errors).length === 0 && blockers.length === 0 && f.expiry?.ok && taker.ok;
  if (valid && f.sell && f.buy && sellAmount?.ok && buyAmount?.ok && f.expiry?.ok && taker.ok) {
    // In createOffer's order, typed by the SDK from the ABI.
    result.args = [f.sell.address, sellAmount.value, f.buy.address, buyAmount.value, taker.value ?? zeroAddress, f.expiry.expiry, f.partialFills];
  }
  return result;
}
