import { getAddress, type Address } from "viem";
import { z } from "zod";

/**
 * Where a sealed item belongs. Its canonical bytes are the associated data of every seal and
 * wrap, so a ciphertext moved to another deal, escrow, chain or kind fails to open.
 */
export type DealContext = { chainId: number; escrow: Address; dealId: bigint };

/** What a sealed item is: a deal's private details, a chat message or an evidence file. */
export const sealedItemKinds = ["details", "message", "evidence"] as const;
export type SealedItemKind = (typeof sealedItemKinds)[number];
export const sealedItemKindSchema = z.enum(sealedItemKinds);

const UINT256_MAX = (1n << 256n) - 1n;

export function assertDealContext(context: DealContext): void {
  if (!Number.isSafeInteger(context.chainId) || context.chainId <= 0) throw new RangeError(`chain id ${context.chainId} is not a positive integer`);
  if (context.dealId < 0n || context.dealId > UINT256_MAX) throw new RangeError(`deal id ${context.dealId} is outside uint256`);
  getAddress(context.escrow);
}

/** `peerlock-room|<version>|<purpose>|<chainId>|<escrow, lower case>|<dealId>|<extra>` as UTF-8. */
export function associatedData(version: number, purpose: string, context: DealContext, extra: string): Uint8Array {
  assertDealContext(context);
  const text = [
    "peerlock-room",
    String(version),
    purpose,
    String(context.chainId),
    context.escrow.toLowerCase(),
    context.dealId.toString(),
    extra,
  ].join("|");
  return new TextEncoder().encode(text);
}
