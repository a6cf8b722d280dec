import type { DecodeEventLogReturnType } from "viem";
import type { dealEscrowAbi, swapEscrowAbi } from "./generated/abis.js";
import { DealStatus, OfferStatus } from "./generated/enums.js";
import type { Deal, Offer } from "./types.js";

type OfferCreatedArgs = DecodeEventLogReturnType<typeof swapEscrowAbi, "OfferCreated">["args"];
type DealOpenedArgs = DecodeEventLogReturnType<typeof dealEscrowAbi, "DealOpened">["args"];

/** An offer as `getOffer` returns it right after its `OfferCreated`: open, nothing filled. */
export function offerFromCreated(a: OfferCreatedArgs): Offer {
  return {
    maker: a.maker,
    taker: a.taker,
    sellToken: a.sellToken,
    sellAmount: a.sellAmount,
    buyToken: a.buyToken,
    buyAmount: a.buyAmount,
    sellRemaining: a.sellAmount,
    expiry: a.expiry,
    partialFills: a.partialFills,
    status: OfferStatus.Open,
  };
}

/** A deal as `getDeal` returns it right after its `DealOpened`: listed, no payment deadline yet. */
export function dealFromOpened(a: DealOpenedArgs): Deal {
  return {
    seller: a.seller,
    buyer: a.buyer,
    token: a.token,
    arbiter: a.arbiter,
    amount: a.amount,
    arbiterFeeBps: a.arbiterFeeBps,
    paymentWindow: a.paymentWindow,
    paymentDeadline: 0n,
    status: DealStatus.Listed,
    termsHash: a.termsHash,
  };
}
