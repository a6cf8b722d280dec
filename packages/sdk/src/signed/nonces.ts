import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { signedSwapAbi } from "../generated/abis.js";

/**
 * SignedSwap's nonces are unordered, as in Permit2: bit `nonce % 256` of the maker's storage
 * word `nonce / 256` is set once the nonce is used (filled or cancelled). The SDK hands out
 * nonces in order, so a maker's orders fill its first words and "cancel all" is one
 * `invalidateNonces` per word.
 */
export const NONCES_PER_WORD = 256n;

const FULL_WORD = (1n << NONCES_PER_WORD) - 1n;

/** The word holding `nonce` and its bit in that word. */
export function noncePosition(nonce: bigint): { wordPos: bigint; bit: bigint } {
  if (nonce < 0n) throw new RangeError("a nonce is a uint256");
  return { wordPos: nonce >> 8n, bit: 1n << (nonce & 0xffn) };
}

/** Whether `nonce` is marked in `word`, the bitmap word that holds it. */
export function isNonceSetInWord(word: bigint, nonce: bigint): boolean {
  return (word & noncePosition(nonce).bit) !== 0n;
}

/** The lowest nonce at or after `from` whose bit is clear in `word` (the word holding `from`), or undefined. */
export function firstUnusedInWord(word: bigint, from: bigint): bigint | undefined {
  const { wordPos } = noncePosition(from);
  for (let i = from & 0xffn; i < NONCES_PER_WORD; i++) {
    if ((word & (1n << i)) === 0n) return wordPos * NONCES_PER_WORD + i;
  }
  return undefined;
}

/**
 * The maker's lowest unused nonce at or after `from`, read word by word from SignedSwap's
 * `nonceBitmap` (one read per 256 nonces). Sign new orders with it.
 */
export async function nextUnusedNonce(client: Client, signedSwap: Address, maker: Address, from = 0n): Promise<bigint> {
  for (let start = from; ; start = (noncePosition(start).wordPos + 1n) * NONCES_PER_WORD) {
    const word = await readContract(client, {
      address: signedSwap,
      abi: signedSwapAbi,
      functionName: "nonceBitmap",
      args: [maker, noncePosition(start).wordPos],
    });
    const unused = firstUnusedInWord(word, start);
    if (unused !== undefined) return unused;
  }
}

/**
 * The `invalidateNonces(wordPos, mask)` calls that cancel every nonce below `end` (e.g. the
 * next unused nonce): full words, then the low bits of the last one. Orders signed with
 * nonces from `end` on stay valid.
 */
export function invalidationsBelow(end: bigint): { wordPos: bigint; mask: bigint }[] {
  const calls: { wordPos: bigint; mask: bigint }[] = [];
  const { wordPos: lastWord } = noncePosition(end);
  for (let wordPos = 0n; wordPos < lastWord; wordPos++) calls.push({ wordPos, mask: FULL_WORD });
  const rest = end & 0xffn;
  if (rest > 0n) calls.push({ wordPos: lastWord, mask: (1n << rest) - 1n });
  return calls;
}
