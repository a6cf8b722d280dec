/**
 * @peerlock/sdk: everything an app or script needs to talk to the Peerlock escrows.
 * ABIs, enums and limits are generated from the compiled contracts; nothing is copied by hand.
 */
export { erc20Abi } from "viem";
export { dealEscrowAbi, signedSwapAbi, swapEscrowAbi, testTokenAbi } from "./generated/abis.js";
export { dealLimits } from "./generated/constants.js";
export { DealStatus, dealStatusNames, OfferStatus, offerStatusNames } from "./generated/enums.js";
export { dealStatusName, offerStatusName } from "./status.js";
export { deployments, getDeployment, isNative, NATIVE_ETH } from "./deployments.js";
export type { DeployedContract, Deployment, TokenInfo } from "./deployments.js";
export { decodeEscrowError, decodePeerlockError, describeSignedSwapError, escrowErrorNames, peerlockErrorNames } from "./errors.js";
export type {
  DecodedEscrowError,
  DecodedPeerlockError,
  EscrowErrorKind,
  EscrowErrorName,
  PeerlockErrorKind,
  PeerlockErrorName,
  SignedSwapErrorName,
} from "./errors.js";
export { isOfferExpired, quoteFill, resolveSplit } from "./math.js";
export { hashTerms } from "./terms.js";
export type { Deal, DealWithId, Offer, OfferWithId } from "./types.js";
export { dealFromOpened, offerFromCreated } from "./opened.js";
export type { Reputation } from "./reputation.js";
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
export { DEPLOYLESS_READ_CHUNK_SIZE, multicallChunked, READ_CHUNK_SIZE } from "./reads/multicall.js";
export { readTokenInfos } from "./reads/tokens.js";
export {
  hashOrder,
  orderDomain,
  orderTypedData,
  orderTypeHash,
  orderTypes,
  orderTypeString,
  signOrder,
} from "./signed/order.js";
export type { OrderVenue, SignedOrder, SignedOrderWithSignature } from "./signed/order.js";
export {
  firstUnusedInWord,
  invalidationsBelow,
  isNonceSetInWord,
  nextUnusedNonce,
  noncePosition,
  NONCES_PER_WORD,
} from "./signed/nonces.js";
export { decodeOrderLink, encodeOrderLink, OrderLinkError } from "./signed/link.js";
export { checkOrder, decodeCheckResult } from "./signed/check.js";
export type { OrderProblem } from "./signed/check.js";
export { signedSwapDomain } from "./generated/eip712.js";

export { hashDealTerms, hashDealTermsFromPrivateHash, hashPrivateDetails, sameHash } from "./room/dealTerms.js";
export { parsePublicTerms, publicTermsLimits, serializePublicTerms, validatePublicTerms } from "./room/publicTerms.js";
export type { PublicTerms, PublicTermsResult } from "./room/publicTerms.js";
export {
  roomKeyWrapTypedData,
  roomMessageTypedData,
  roomTypedDataDomain,
  roomTypedDataDomainName,
  roomTypedDataVersion,
  roomTypes,
  sessionKeyTypedData,
} from "./room/typedData.js";
export type { RoomKeyWrapStatement, RoomMessage, SessionKeyAuthorization } from "./room/typedData.js";
export { verifyRoomKeyWrap, verifyRoomMessage } from "./room/verifyMessage.js";
export type {
  RoomMessageCheck,
  RoomSignatureOptions,
  SessionKeyProof,
  SignedRoomKeyWrap,
  SignedRoomMessage,
  TypedDataVerifier,
} from "./room/verifyMessage.js";

// v3: end-to-end encrypted deal rooms (sealed items, deal-key wraps, room keys and their attestations).
export * from "./room/sealed/index.js";

// Wire formats: one zod schema + encoder per JSON format, shared by the app, its server and API users.
export * from "./wire/index.js";
export * from "./nostr/index.js";
