// The chain reads a deal page makes when the indexer cannot answer: the deal by id, its events
// by id (one eth_getLogs on the indexed dealId), and one read for its token if the app does not
// already know it. None of them depends on how many deals the chain holds.
import { readDeals, type Deployment } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { loadDealHistory } from "@/features/events/history";
import { loadTokenInfo, type TokenMap, unknownTokensOf } from "@/features/tokens/registry";

export async function readDealById(client: Client, escrow: Address, id: bigint) {
  return (await readDeals(client, escrow, [id]))[0];
}

export function readDealHistory(client: Client, escrow: Deployment["dealEscrow"], id: bigint) {
  return loadDealHistory(client, escrow.address, id, escrow.deployedOnBlock);
}

/** Everything the page shows from the chain, as its hooks read it. */
export async function readDealPage(client: Client, deployment: Deployment, id: bigint, known: TokenMap) {
  const [deal, history] = await Promise.all([
    readDealById(client, deployment.dealEscrow.address, id),
    readDealHistory(client, deployment.dealEscrow, id),
  ]);
  const tokens = deal ? await Promise.all(unknownTokensOf([deal.token], known).map((a) => loadTokenInfo(client, a))) : [];
  return { deal, history, tokens };
}
