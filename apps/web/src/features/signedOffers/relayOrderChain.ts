// Loaded with the relay feed (dynamic import): checks a batch of relay orders in a constant
// number of round trips.
import {
  DEPLOYLESS_READ_CHUNK_SIZE,
  decodeCheckResult,
  hashOrder,
  isSignedByMakerKey,
  READ_CHUNK_SIZE,
  type SignedOrderWithSignature,
  signedSwapAbi,
} from "@peerlock/sdk";
import { type Client, type ContractFunctionParameters, zeroAddress } from "viem";
import { multicall } from "viem/actions";
import type { Verdict } from "./relayOrderStore";
import { relayOrderVerdict } from "./relayOrderVerdict";
import { remainingOf } from "./signedOffer";
import { verifyOrderSignature } from "./verifySignature";

type Result = { status: "success"; result: unknown } | { status: "failure"; error: Error };

async function readAll(client: Client, contracts: ContractFunctionParameters[]): Promise<Result[]> {
  const deployless = !client.chain?.contracts?.multicall3;
  const size = deployless ? DEPLOYLESS_READ_CHUNK_SIZE : READ_CHUNK_SIZE;
  const chunks: ContractFunctionParameters[][] = [];
  for (let i = 0; i < contracts.length; i += size) chunks.push(contracts.slice(i, i + size));
  // chunks go out together: one HTTP request with the app's batching transport
  const results = await Promise.all(chunks.map((c) => multicall(client, { contracts: c, allowFailure: true, deployless, batchSize: 0 })));
  return results.flat() as Result[];
}

/**
 * The maker's signature (this browser recovers an EOA's itself; a contract wallet is asked
 * through EIP-1271), then per order: filled amount and nonce, and `SignedSwap.check` of what is
 * left, for a fill by anyone. A read that fails rejects nothing: the batch throws and is retried.
 */
export async function verifyRelayOrders(client: Client, orders: readonly SignedOrderWithSignature[]): Promise<Verdict[]> {
  const signatureValid = await Promise.all(orders.map(async (signed) => (await isSignedByMakerKey(signed)) || verifyOrderSignature(client, signed)));
  const state = await readAll(
    client,
    orders.flatMap(({ order, verifyingContract, chainId }) => [
      { address: verifyingContract, abi: signedSwapAbi, functionName: "filledAmount", args: [hashOrder(order, { chainId, verifyingContract })] },
      { address: verifyingContract, abi: signedSwapAbi, functionName: "isNonceUsed", args: [order.maker, order.nonce] },
    ]),
  );
  const read = <T>(r: Result | undefined): T => {
    if (r?.status !== "success") throw new Error("A chain read failed.");
    return r.result as T;
  };
  const progress = orders.map(({ order }, i) => {
    const filled = read<bigint>(state[2 * i]);
    const nonceUsed = read<boolean>(state[2 * i + 1]);
    return { filled, nonceUsed, remaining: remainingOf(order, filled, nonceUsed) };
  });
  const checks = await readAll(
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
      problems: decodeCheckResult(read<readonly `0x${string}`[]>(checks[i])),
    }),
  );
}
