import { dealEscrowAbi, swapEscrowAbi } from "@peerlock/sdk";
import {
  type Abi,
  type Address,
  type Client,
  type Hash,
  type Hex,
  formatLog,
  numberToHex,
  pad,
  parseEventLogs,
  toEventSelector,
  type AbiEvent,
} from "viem";
import { getBlock } from "viem/actions";

export type HistoryEntry = {
  eventName: string;
  args: Record<string, unknown>;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hash;
  /** Unix seconds of the block. */
  timestamp?: bigint;
};

/** Events of one offer or deal: each has the id as its first indexed argument. */
const OFFER_EVENTS = ["OfferCreated", "OfferFilled", "OfferCancelled"] as const;
const DEAL_EVENTS = ["DealOpened", "DealTaken", "DealPaid", "DealReleased", "DealRefunded", "DealDisputed", "DealResolved"] as const;

function selectors(abi: Abi, names: readonly string[]): Hex[] {
  return names.map((name) => {
    const item = abi.find((x): x is AbiEvent => x.type === "event" && x.name === name);
    if (!item) throw new Error(`event ${name} missing from the ABI`);
    return toEventSelector(item);
  });
}

/**
 * Every event of one id in a single eth_getLogs (topic0 = any of the events, topic1 = the id),
 * oldest first, with block times (fetched in parallel; the transport batches them).
 */
async function loadHistory(
  client: Client,
  abi: Abi,
  names: readonly string[],
  address: Address,
  id: bigint,
  fromBlock: bigint,
): Promise<HistoryEntry[]> {
  const raw = await client.request({
    method: "eth_getLogs",
    params: [{ address, fromBlock: numberToHex(fromBlock), toBlock: "latest", topics: [selectors(abi, names), pad(numberToHex(id))] }],
  });
  const logs = parseEventLogs({ abi, logs: raw.map((l) => formatLog(l)) });
  const blocks = [...new Set(logs.map((l) => l.blockNumber))];
  const times = new Map<bigint, bigint>();
  await Promise.all(
    blocks.map(async (blockNumber) => {
      if (blockNumber === null) return;
      const block = await getBlock(client, { blockNumber });
      times.set(blockNumber, block.timestamp);
    }),
  );
  return logs
    .filter((l) => l.blockNumber !== null && l.transactionHash !== null)
    .map((l) => ({
      eventName: l.eventName,
      args: l.args as Record<string, unknown>,
      blockNumber: l.blockNumber!,
      logIndex: l.logIndex ?? 0,
      transactionHash: l.transactionHash!,
      timestamp: times.get(l.blockNumber!),
    }))
    .sort((a, b) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1));
}

export function loadOfferHistory(client: Client, escrow: Address, id: bigint, fromBlock: bigint) {
  return loadHistory(client, swapEscrowAbi, OFFER_EVENTS, escrow, id, fromBlock);
}

export function loadDealHistory(client: Client, escrow: Address, id: bigint, fromBlock: bigint) {
  return loadHistory(client, dealEscrowAbi, DEAL_EVENTS, escrow, id, fromBlock);
}
