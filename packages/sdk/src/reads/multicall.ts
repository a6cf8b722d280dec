import type { Client, ContractFunctionParameters } from "viem";
import { multicall } from "viem/actions";

/**
 * getOffer/getDeal calls per eth_call. With a Multicall3 deployment: ~16k gas each keeps a chunk
 * far below any node's call gas cap. Deployless (no Multicall3, e.g. a fresh Hardhat node): the
 * results come back as the code of a contract being created, capped at 24,576 bytes (EIP-170);
 * each getOffer/getDeal result takes 448 bytes there (10 words plus the Result tuple's 4), so
 * 54 fit and 50 leaves room.
 */
export const READ_CHUNK_SIZE = 250;
export const DEPLOYLESS_READ_CHUNK_SIZE = 50;

/**
 * Runs many view calls in a constant number of round trips: chunks of Multicall3 sent in
 * parallel (one HTTP request when the transport batches). Works on chains without a Multicall3
 * deployment through viem's deployless multicall, with chunks small enough for its size cap.
 */
export async function multicallChunked<T>(client: Client, calls: readonly ContractFunctionParameters[]): Promise<T[]> {
  const deployless = !client.chain?.contracts?.multicall3;
  const chunkSize = deployless ? DEPLOYLESS_READ_CHUNK_SIZE : READ_CHUNK_SIZE;
  const chunks: ContractFunctionParameters[][] = [];
  for (let i = 0; i < calls.length; i += chunkSize) chunks.push(calls.slice(i, i + chunkSize));
  const results = await Promise.all(chunks.map((contracts) => multicall(client, { contracts, allowFailure: false, deployless, batchSize: 0 })));
  return results.flat() as T[];
}

/** The ids `first..last`, inclusive. */
export function idRange(first: bigint, last: bigint): bigint[] {
  const ids: bigint[] = [];
  for (let id = first; id <= last; id++) ids.push(id);
  return ids;
}
