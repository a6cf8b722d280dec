import { checkOrder, hashOrder, type OrderProblem, type SignedOrderWithSignature, signedSwapAbi } from "@peerlock/sdk";
import type { Hex, PublicClient } from "viem";

/** Reasons that concern whoever fills, not the order: the book checks fills by anyone (taker 0). */
const TAKER_SIDE = new Set(["TakerBalanceLow", "TakerAllowanceLow", "NotTaker", "InvalidTaker"]);

/** Reasons that never go away: such an order is dropped for good. The others are re-checked. */
const FINAL = new Set(["OrderExpired", "NonceUsed"]);
export const isFinalReason = (name: string) => FINAL.has(name);
export const FINAL_REASONS = [...FINAL];

export type Fillability = { orderHash: Hex; filled: bigint; problems: OrderProblem[] };

/**
 * What stands in the way of filling the rest of `signed` now, read from SignedSwap itself:
 * `check(order, signature, address(0), rest)`, where the rest is the order minus what partial
 * fills took. Maker balance and allowance count; taker-side reasons do not.
 */
export async function readFillability(client: PublicClient, signed: SignedOrderWithSignature): Promise<Fillability> {
  const orderHash = hashOrder(signed.order, signed);
  const filled = await client.readContract({
    address: signed.verifyingContract,
    abi: signedSwapAbi,
    functionName: "filledAmount",
    args: [orderHash],
  });
  const rest = signed.order.sellAmount - filled;
  const problems = await checkOrder(client, signed, { sellAmount: rest > 0n ? rest : signed.order.sellAmount });
  return { orderHash, filled, problems: problems.filter((p) => !TAKER_SIDE.has(p.name)) };
}
