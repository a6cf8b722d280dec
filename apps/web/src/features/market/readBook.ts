import { dealEscrowAbi, readDeals, readOffers, READ_CHUNK_SIZE, swapEscrowAbi, type DealWithId, type OfferWithId } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { readContract } from "viem/actions";

/*
 * Without a Multicall3 contract on the chain (a fresh Hardhat node), viem's deployless
 * multicall returns its results as the code of a contract being created, which EIP-170 caps at
 * 24,576 bytes: about 54 getOffer/getDeal results (448 bytes each). The SDK's 250-call chunks
 * revert there ("code is too large"), so the app splits the ids itself. Every chunk is sent in
 * the same tick, so the transport's JSON-RPC batching still carries them in one HTTP request.
 */
export const DEPLOYLESS_CHUNK = 40;

function chunkSize(client: Client): number {
  return client.chain?.contracts?.multicall3 ? READ_CHUNK_SIZE : DEPLOYLESS_CHUNK;
}

/** Ids 1..count in runs of `size`. */
export function idChunks(count: bigint, size: number): bigint[][] {
  const out: bigint[][] = [];
  for (let first = 1n; first <= count; first += BigInt(size)) {
    const ids: bigint[] = [];
    for (let id = first; id < first + BigInt(size) && id <= count; id++) ids.push(id);
    out.push(ids);
  }
  return out;
}

export async function readBookOffers(client: Client, escrow: Address): Promise<OfferWithId[]> {
  const count = await readContract(client, { address: escrow, abi: swapEscrowAbi, functionName: "offerCount" });
  const parts = await Promise.all(idChunks(count, chunkSize(client)).map((ids) => readOffers(client, escrow, ids)));
  return parts.flat();
}

export async function readBookDeals(client: Client, escrow: Address): Promise<DealWithId[]> {
  const count = await readContract(client, { address: escrow, abi: dealEscrowAbi, functionName: "dealCount" });
  const parts = await Promise.all(idChunks(count, chunkSize(client)).map((ids) => readDeals(client, escrow, ids)));
  return parts.flat();
}

/** Reads the given ids with the same chunking (events can name many at once). */
export async function readSomeOffers(client: Client, escrow: Address, ids: readonly bigint[]): Promise<OfferWithId[]> {
  const size = chunkSize(client);
  const parts = [];
  for (let i = 0; i < ids.length; i += size) parts.push(readOffers(client, escrow, ids.slice(i, i + size)));
  return (await Promise.all(parts)).flat();
}

export async function readSomeDeals(client: Client, escrow: Address, ids: readonly bigint[]): Promise<DealWithId[]> {
  const size = chunkSize(client);
  const parts = [];
  for (let i = 0; i < ids.length; i += size) parts.push(readDeals(client, escrow, ids.slice(i, i + size)));
  return (await Promise.all(parts)).flat();
}
