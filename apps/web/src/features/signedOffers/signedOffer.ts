import {
  type CreateOfferArgs,
  decodeOrderLink,
  isNative,
  OrderLinkError,
  type SignedOrder,
  type SignedOrderWithSignature,
  type TokenInfo,
} from "@peerlock/sdk";
import type { Address } from "viem";
import { sameAddress } from "@/lib/address";

/** "escrowed": locked now, always fillable. "signed": free to post, the maker keeps the tokens. */
export type OfferKind = "escrowed" | "signed";

/** Signed offers move ERC-20s only (SignedSwap has no ETH leg); the form says so before signing. */
export function signedOfferTokenError(sell: TokenInfo | undefined, buy: TokenInfo | undefined): string | undefined {
  if ((sell && isNative(sell.address)) || (buy && isNative(buy.address))) {
    return "Signed offers trade ERC-20 tokens only: pick WETH instead of ETH, or make an escrowed offer.";
  }
  return undefined;
}

/** The order a maker signs for the form's terms (createOffer's arguments, as the form checked them). */
export function orderFromForm(args: CreateOfferArgs, maker: Address, nonce: bigint): SignedOrder {
  const [sellToken, sellAmount, buyToken, buyAmount, taker, expiry, partialFills] = args;
  return { maker, taker, sellToken, sellAmount, buyToken, buyAmount, expiry, nonce, partialFills };
}

/** Where a signed offer's page lives: the whole order rides in the fragment, never sent to a server. */
export function signedOfferPath(link: string): string {
  return `/signed#${link}`;
}

export type ReadLink = { ok: true; signed: SignedOrderWithSignature } | { ok: false; error: string };

/** Reads the order from the page's fragment ("#<link>"). */
export function readOrderFragment(hash: string): ReadLink {
  const link = hash.replace(/^#/, "");
  if (link === "") return { ok: false, error: "This page needs a signed offer's link: the part after # is missing." };
  try {
    return { ok: true, signed: decodeOrderLink(link) };
  } catch (error) {
    return { ok: false, error: error instanceof OrderLinkError ? error.message : "This offer link cannot be read." };
  }
}

/** Why an order made for another chain or contract cannot be filled here; undefined when it can. */
export function venueMismatch(signed: SignedOrderWithSignature, appChainId: number, appSignedSwap: Address | undefined): string | undefined {
  if (signed.chainId !== appChainId) return `This offer was signed for chain ${signed.chainId}; this app runs on chain ${appChainId}.`;
  if (!appSignedSwap || !sameAddress(signed.verifyingContract, appSignedSwap)) {
    return "This offer was signed for another SignedSwap contract than the one this app uses.";
  }
  return undefined;
}

/** What is left to fill: nothing once the nonce is used; else the order minus what was filled. */
export function remainingOf(order: SignedOrder, filled: bigint, nonceUsed: boolean): bigint {
  if (nonceUsed) return 0n;
  return order.partialFills ? order.sellAmount - filled : order.sellAmount;
}
