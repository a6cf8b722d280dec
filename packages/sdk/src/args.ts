import type { ContractFunctionArgs, ContractFunctionName } from "viem";
import type { dealEscrowAbi, swapEscrowAbi, testTokenAbi } from "./generated/abis.js";

/** State-changing functions: what a transaction can call. */
export type WriteMutability = "nonpayable" | "payable";

/** The names of SwapEscrow's state-changing functions, from its ABI. */
export type SwapEscrowWrite = ContractFunctionName<typeof swapEscrowAbi, WriteMutability>;
/** The names of DealEscrow's state-changing functions, from its ABI. */
export type DealEscrowWrite = ContractFunctionName<typeof dealEscrowAbi, WriteMutability>;

/** The argument tuple of a SwapEscrow write, e.g. `SwapEscrowArgs<"fillOffer">`. */
export type SwapEscrowArgs<F extends SwapEscrowWrite> = ContractFunctionArgs<typeof swapEscrowAbi, WriteMutability, F>;
/** The argument tuple of a DealEscrow write, e.g. `DealEscrowArgs<"resolve">`. */
export type DealEscrowArgs<F extends DealEscrowWrite> = ContractFunctionArgs<typeof dealEscrowAbi, WriteMutability, F>;

/** `createOffer(sellToken, sellAmount, buyToken, buyAmount, taker, expiry, partialFills)`. */
export type CreateOfferArgs = SwapEscrowArgs<"createOffer">;
/** `fillOffer(offerId, sellAmount)`. */
export type FillOfferArgs = SwapEscrowArgs<"fillOffer">;
/** `openDeal(token, amount, buyer, arbiter, arbiterFeeBps, paymentWindow, termsHash)`. */
export type OpenDealArgs = DealEscrowArgs<"openDeal">;
/** `resolve(dealId, buyerShareBps)`. */
export type ResolveDealArgs = DealEscrowArgs<"resolve">;
/** The test token's public faucet takes no arguments. */
export type FaucetArgs = ContractFunctionArgs<typeof testTokenAbi, WriteMutability, "faucet">;
