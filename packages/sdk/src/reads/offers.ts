import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { swapEscrowAbi } from "../generated/abis.js";
import type { Offer, OfferWithId } from "../types.js";
import { idRange, multicallChunked } from "./multicall.js";

/** Reads the given offers in one multicall round trip. */
export async function readOffers(client: Client, escrow: Address, ids: readonly bigint[]): Promise<OfferWithId[]> {
  const offers = await multicallChunked<Offer>(
    client,
    ids.map((id) => ({ address: escrow, abi: swapEscrowAbi, functionName: "getOffer", args: [id] }) as const),
  );
  return offers.map((offer, i) => ({ ...offer, id: ids[i] }));
}

/** Reads every offer ever created (or those from `fromId` on): two round trips in all. */
export async function readAllOffers(client: Client, escrow: Address, fromId = 1n): Promise<OfferWithId[]> {
  const count = await readContract(client, { address: escrow, abi: swapEscrowAbi, functionName: "offerCount" });
  return readOffers(client, escrow, idRange(fromId, count));
}
