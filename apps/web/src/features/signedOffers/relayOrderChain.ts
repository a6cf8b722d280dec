// Loaded with the relay feed (dynamic import): checks a batch of relay orders in a constant
// number of round trips.
import { decodeCheckResult, hashOrder, isSignedByMakerKey, multicallChunked, type SignedOrderWithSignature, signedSwapAbi } from "@peerlock/sdk";
import { type Client, type Hex, zeroAddress } from "viem";
import type { Verdict } from "./relayOrderStore";
import { relayOrderVerdict } from "./relayOrderVerdict";
import { remainingOf } from "./signedOffer";
import { verifyOrderSignature } from "./verifySignature";

/**
 * The maker's signature (this browser recovers an EOA's itself; a contract wallet is asked
 * through EIP-1271), then per order: filled amount and nonce, and `SignedSwap.check` of what is
 * left, for a fill by anyone. A read that fails rejects nothing: the batch throws and is retried.
 */
export async function verifyRelayOrders(client: Client, orders: readonly SignedOrderWithSignature[]): Promise<Verdict[]> {
  const signatureValid = await Promise.all(orders.map(async (signed) => (await isSignedByMakerKey(signed)) || verifyOrderSignature(client, signed)));
  const state = await multicallChunked<bigint | boolean>(
    client,
    orders.flatMap(({ order, verifyingContract, chainId }) => [
      { address: verifyingContract, abi: signedSwapAbi, functionName: "filledAmount", args: [hashOrder(order, { chainId, verifyingContract })] },
      { address: verifyingContract, abi: signedSwapAbi, functionName: "isNonceUsed", args: [order.maker, order.nonce] },
    ]),
  );
  const progress = orders.map(({ order }, i) => {
    const filled = state[2 * i] as bigint;
    const nonceUsed = state[2 * i + 1] as boolean;
    return { filled, nonceUsed, remaining: remainingOf(order, filled, nonceUsed) };
  });
  const checks = await multicallChunked<readonly Hex[]>(
    client,
    orders.map((signed, i) => ({
      address: signed.verifyingContract,
      abi: signedSwapAbi,
      functionName: "check",
      args: [signed.order, signed.signature, zeroAddress, progress[i]!.remaining > 0n ? progress[i]!.remaining : signed.order.sellAmount],
    })),
  );
  return orders.map(({ order }, i) =>
    relayOrderVerdict(order, {
      signatureValid: signatureValid[i]!,
      ...progress[i]!,
      problems: decodeCheckResult(checks[i]!),
    }),
  );
}
