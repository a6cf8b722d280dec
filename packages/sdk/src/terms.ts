import { type Hex, keccak256, stringToBytes } from "viem";

/** keccak256 of the UTF-8 terms text: the `termsHash` a deal stores. */
export function hashTerms(text: string): Hex {
  return keccak256(stringToBytes(text));
}
