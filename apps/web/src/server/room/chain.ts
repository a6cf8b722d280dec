import { dealEscrowAbi, type Deal } from "@peerlock/sdk";
import { createPublicClient, http, type PublicClient } from "viem";
import { buildChain } from "@/config/chain";
import { roomConfig } from "./config";

/** The server's own view of the chain: deal state is always read fresh, never taken from the client. */
const holder = globalThis as typeof globalThis & { __peerlockRoomChain?: { rpcUrl: string; client: PublicClient } };

export function chainClient(): PublicClient {
  const { chainId, rpcUrl } = roomConfig();
  if (holder.__peerlockRoomChain?.rpcUrl !== rpcUrl) {
    holder.__peerlockRoomChain = { rpcUrl, client: createPublicClient({ chain: buildChain(chainId, rpcUrl), transport: http(rpcUrl) }) };
  }
  return holder.__peerlockRoomChain.client;
}

export class ChainUnavailable extends Error {}

/** The deal as DealEscrow.getDeal returns it, or null when it does not exist (status None). */
export async function readDeal(dealId: bigint): Promise<Deal | null> {
  const address = roomConfig().dealEscrow;
  if (!address) throw new ChainUnavailable("Peerlock is not deployed on this chain.");
  let deal: Deal;
  try {
    deal = await chainClient().readContract({ address, abi: dealEscrowAbi, functionName: "getDeal", args: [dealId] });
  } catch {
    throw new ChainUnavailable("The chain could not be read; try again.");
  }
  return deal.status === 0 ? null : deal;
}
