import type { Client, ContractFunctionParameters } from "viem";
import { multicall } from "viem/actions";

/** getOffer/getDeal calls per eth_call: ~16k gas each keeps a chunk far below any node's call gas cap. */
export const READ_CHUNK_SIZE = 250;

/**
 * Runs many view calls in a constant number of round trips: chunks of Multicall3, sent in
 * parallel. Works on chains without a Multicall3 deployment (a fresh Hardhat node) through
 * viem's deployless multicall.
 */
export async function multicallChunked<T>(
  client: Client,
  calls: readonly ContractFunctionParameters[],
  chunkSize = READ_CHUNK_SIZE,
): Promise<T[]> {
  const chunks: ContractFunctionParameters[][] = [];
  for (let i = 0; i < calls.length; i += chunkSize) chunks.push(calls.slice(i, i + chunkSize));
  const deployless = !client.chain?.contracts?.multicall3;
  const results = await Promise.all(
    chunks.map((contracts) => multicall(client, { contracts, allowFailure: false, deployless, batchSize: 0 })),
  );
  return results.flat() as T[];
}

/** The ids `first..last`, inclusive. */
export function idRange(first: bigint, last: bigint): bigint[] {
  const ids: bigint[] = [];
  for (let id = first; id <= last; id++) ids.push(id);
  return ids;
}
