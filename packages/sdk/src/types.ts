import type { ContractFunctionReturnType } from "viem";
import type { dealEscrowAbi, swapEscrowAbi } from "./generated/abis.js";

/** An offer exactly as `SwapEscrow.getOffer` returns it. */
export type Offer = ContractFunctionReturnType<typeof swapEscrowAbi, "view", "getOffer">;
/** A deal exactly as `DealEscrow.getDeal` returns it. */
export type Deal = ContractFunctionReturnType<typeof dealEscrowAbi, "view", "getDeal">;

export type OfferWithId = Offer & { id: bigint };
export type DealWithId = Deal & { id: bigint };
