import type { Address, Client } from "viem";
import { readContract } from "viem/actions";
import { dealEscrowAbi } from "../generated/abis.js";
import type { Deal, DealWithId } from "../types.js";
import { idRange, multicallChunked } from "./multicall.js";

/** Reads the given deals in one multicall round trip. */
export async function readDeals(client: Client, escrow: Address, ids: readonly bigint[]): Promise<DealWithId[]> {
  const deals = await multicallChunked<Deal>(
    client,
    ids.map((id) => ({ address: escrow, abi: dealEscrowAbi, functionName: "getDeal", args: [id] }) as const),
  );
  return deals.map((deal, i) => ({ ...deal, id: ids[i] }));
}

/** Reads every deal ever opened (or those from `fromId` on): two round trips in all. */
export async function readAllDeals(client: Client, escrow: Address, fromId = 1n): Promise<DealWithId[]> {
  const count = await readContract(client, { address: escrow, abi: dealEscrowAbi, functionName: "dealCount" });
  return readDeals(client, escrow, idRange(fromId, count));
}
