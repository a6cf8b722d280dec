// The chain reads an offer page makes when the indexer cannot answer: the offer by id, its
// events by id (one eth_getLogs on the indexed offerId), and one read per token the app does
// not already know. None of them depends on how many offers the chain holds.
import { readOffers, type Deployment } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { loadOfferHistory } from "@/features/events/history";
import { loadTokenInfo, type TokenMap, unknownTokensOf } from "@/features/tokens/registry";

export async function readOfferById(client: Client, escrow: Address, id: bigint) {
  return (await readOffers(client, escrow, [id]))[0];
}

export function readOfferHistory(client: Client, escrow: Deployment["swapEscrow"], id: bigint) {
  return loadOfferHistory(client, escrow.address, id, escrow.deployedOnBlock);
}

/** Everything the page shows, in the order the page asks for it (as the hooks do). */
export async function readOfferPage(client: Client, deployment: Deployment, id: bigint, known: TokenMap) {
  const [offer, history] = await Promise.all([
    readOfferById(client, deployment.swapEscrow.address, id),
    readOfferHistory(client, deployment.swapEscrow, id),
  ]);
  const tokens = offer ? await Promise.all(unknownTokensOf([offer.sellToken, offer.buyToken], known).map((a) => loadTokenInfo(client, a))) : [];
  return { offer, history, tokens };
}
