import { type Deal, dealEscrowAbi } from "@peerlock/sdk";
import { ChainUnavailable, chainClient } from "../shared/chain";
import { roomConfig } from "./config";

/**
 * The deal as DealEscrow.getDeal returns it now (or at `blockNumber`), or null when it does not
 * exist (status None). Never cached here: every access decision reads the chain, so no grant
 * outlives a status change.
 */
export async function readDeal(dealId: bigint, blockNumber?: bigint): Promise<Deal | null> {
  const address = roomConfig().dealEscrow;
  if (!address) throw new ChainUnavailable("Peerlock is not deployed on this chain.");
  let deal: Deal;
  try {
    deal = await chainClient().readContract({ address, abi: dealEscrowAbi, functionName: "getDeal", args: [dealId], blockNumber });
  } catch {
    throw new ChainUnavailable("The chain could not be read; try again.");
  }
  return deal.status === 0 ? null : deal;
}
