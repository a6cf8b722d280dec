/**
 * @peerlock/sdk: everything an app or script needs to talk to the Peerlock escrows.
 * ABIs, enums and limits are generated from the compiled contracts; nothing is copied by hand.
 */
export { erc20Abi } from "viem";
export { dealEscrowAbi, swapEscrowAbi, testTokenAbi } from "./generated/abis.js";
export { dealLimits } from "./generated/constants.js";
export { DealStatus, dealStatusNames, OfferStatus, offerStatusNames } from "./generated/enums.js";
export { deployments, getDeployment, isNative, NATIVE_ETH } from "./deployments.js";
export type { DeployedContract, Deployment, TokenInfo } from "./deployments.js";
export { decodeEscrowError, escrowErrorNames } from "./errors.js";
export type { DecodedEscrowError, EscrowErrorKind, EscrowErrorName } from "./errors.js";
export { isOfferExpired, quoteFill, resolveSplit } from "./math.js";
export { hashTerms } from "./terms.js";
export type { Deal, DealWithId, Offer, OfferWithId } from "./types.js";
export type {
  CreateOfferArgs,
  DealEscrowArgs,
  DealEscrowWrite,
  FaucetArgs,
  FillOfferArgs,
  OpenDealArgs,
  ResolveDealArgs,
  SwapEscrowArgs,
  SwapEscrowWrite,
  WriteMutability,
} from "./args.js";
export { readAllDeals, readDeals } from "./reads/deals.js";
export { readAllOffers, readOffers } from "./reads/offers.js";
export { DEPLOYLESS_READ_CHUNK_SIZE, READ_CHUNK_SIZE } from "./reads/multicall.js";
export { readTokenInfos } from "./reads/tokens.js";

import { dealStatusNames, offerStatusNames } from "./generated/enums.js";

export function offerStatusName(status: number): string {
  return offerStatusNames[status] ?? "Unknown";
}

export function dealStatusName(status: number): string {
  return dealStatusNames[status] ?? "Unknown";
}
