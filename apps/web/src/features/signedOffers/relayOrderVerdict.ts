import type { OrderProblem, SignedOrder } from "@peerlock/sdk";
import type { Verdict } from "./relayOrderStore";
import { remainingOf } from "./signedOffer";

/**
 * Problems that never go away for this order and signature: such a candidate is forgotten for
 * good. The others (the maker's balance or allowance) may clear, so the order is looked at again.
 */
const FINAL = new Set(["OrderExpired", "NonceUsed", "InvalidSignature", "ZeroAmount", "SameToken", "InvalidTaker", "InvalidFillAmount"]);

/** What the market makes of one order from a relay, given what the chain said about it. */
export function relayOrderVerdict(
  order: SignedOrder,
  reads: { signatureValid: boolean; filled: bigint; nonceUsed: boolean; problems: readonly OrderProblem[] },
): Verdict {
  if (!reads.signatureValid) return { ok: false, final: true, reason: "The maker did not sign these terms." };
  const remaining = remainingOf(order, reads.filled, reads.nonceUsed);
  if (reads.nonceUsed || remaining <= 0n) return { ok: false, final: true, reason: "Already filled or cancelled." };
  if (reads.problems.length > 0) {
    return { ok: false, final: reads.problems.some((p) => FINAL.has(p.name)), reason: reads.problems.map((p) => p.message).join(" ") };
  }
  return { ok: true, remaining };
}
