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

/**
 * Recent reads per deal, shared by concurrent requests. Safe for access checks because a deal's
 * parties, arbiter and termsHash never change and what a party may read only grows with its
 * status: a stale read can delay a grant (callers then re-read fresh), never widen one.
 */
const DEAL_CACHE_MS = 2_000;
const cache = ((
  globalThis as typeof globalThis & { __peerlockRoomDealCache?: Map<string, { at: number; deal: Promise<Deal | null> }> }
).__peerlockRoomDealCache ??= new Map());

export function readDealCached(dealId: bigint): Promise<Deal | null> {
  const key = dealId.toString();
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < DEAL_CACHE_MS) return hit.deal;
  if (cache.size > 10_000) cache.clear();
  const deal = readDeal(dealId);
  cache.set(key, { at: Date.now(), deal });
  deal.then(
    (d) => d === null && cache.delete(key),
    () => cache.delete(key),
  );
  return deal;
}

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
  const found = deal.status === 0 ? null : deal;
  cache.set(dealId.toString(), { at: Date.now(), deal: Promise.resolve(found) });
  return found;
}
