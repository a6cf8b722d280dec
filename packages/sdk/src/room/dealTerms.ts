import { encodeAbiParameters, type Hex, keccak256, stringToBytes } from "viem";

/**
 * v2 deal terms come in two UTF-8 parts: `publicTerms` (anyone may read) and `privateDetails`
 * (payment account details). The on-chain termsHash commits to both, yet anyone holding only the
 * public part and the private part's hash can check the public part.
 */

/** keccak256 of the private details' UTF-8 bytes: what a visitor gets instead of the details. */
export function hashPrivateDetails(privateDetails: string): Hex {
  return keccak256(stringToBytes(privateDetails));
}

/** termsHash = keccak256(abi.encode(keccak256(bytes(publicTerms)), privateDetailsHash)). */
export function hashDealTermsFromPrivateHash(publicTerms: string, privateDetailsHash: Hex): Hex {
  return keccak256(encodeAbiParameters([{ type: "bytes32" }, { type: "bytes32" }], [keccak256(stringToBytes(publicTerms)), privateDetailsHash]));
}

/** termsHash = keccak256(abi.encode(keccak256(bytes(publicTerms)), keccak256(bytes(privateDetails)))). */
export function hashDealTerms(publicTerms: string, privateDetails: string): Hex {
  return hashDealTermsFromPrivateHash(publicTerms, hashPrivateDetails(privateDetails));
}

/** Case-insensitive bytes32 comparison (hashes come back from RPCs and users in either case). */
export function sameHash(a: Hex, b: Hex): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
