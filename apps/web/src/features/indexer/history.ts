// An offer's or deal's history from the indexer, in the shape the chain's eth_getLogs reader
// gives (features/events/history.ts), used only when the indexer has reached the chain head:
// otherwise the page reads the logs from the chain itself, as in v1.
import { dealEscrowAbi, indexedHistorySchema, type indexedTradeEventSchema, swapEscrowAbi } from "@peerlock/sdk";
import type { Abi, AbiEvent } from "viem";
import type { z } from "zod";
import { appIndexerUrl } from "@/config/indexer";
import type { HistoryEntry } from "@/features/events/history";
import { fetchStatus, getJson, type IndexerStatus } from "./api";

type Row = z.output<typeof indexedTradeEventSchema>;

/** JSON args back to the types the ABI gives them (integers as bigint). */
export function argsFromJson(abi: Abi, eventName: string, args: Record<string, unknown>): Record<string, unknown> {
  const event = abi.find((x): x is AbiEvent => x.type === "event" && x.name === eventName);
  const types = new Map((event?.inputs ?? []).map((i) => [i.name, i.type]));
  return Object.fromEntries(
    Object.entries(args).map(([k, v]) => {
      const type = types.get(k) ?? "";
      const integer = /^u?int\d*$/.test(type);
      // Small integers (uint16 shares, uint32 windows) decode to numbers in viem, larger ones to bigint.
      const small = /^u?int(8|16|24|32|40|48)$/.test(type);
      return [k, integer ? (small ? Number(v) : BigInt(String(v))) : v];
    }),
  );
}

export function entriesFromRows(kind: "offer" | "deal", rows: Row[]): HistoryEntry[] {
  const abi = kind === "offer" ? swapEscrowAbi : dealEscrowAbi;
  return rows.map((r) => ({
    eventName: r.name,
    args: argsFromJson(abi as Abi, r.name, r.args),
    blockNumber: r.blockNumber,
    logIndex: r.logIndex,
    transactionHash: r.transactionHash,
    timestamp: r.timestamp,
  }));
}

/**
 * Whether the indexer has indexed the block the node is at now. Its own lag is measured against a
 * head it caches for a second, so right after a fill it can say "0 behind" without the fill.
 */
export function indexerHasReached(status: IndexerStatus, chainHead: bigint): boolean {
  if (status.indexedBlock === null || status.lagBlocks === null || status.lagBlocks > 0n) return false;
  return status.indexedBlock >= chainHead;
}

/**
 * The history from the indexer, or undefined when it is not configured, not answering or has not
 * reached the node's latest block (`chainHead`, read fresh from the node).
 */
export async function historyFromIndexer(kind: "offer" | "deal", id: bigint, chainHead: () => Promise<bigint>): Promise<HistoryEntry[] | undefined> {
  if (!appIndexerUrl) return undefined;
  try {
    const [status, head, body] = await Promise.all([
      fetchStatus(appIndexerUrl),
      chainHead(),
      getJson(appIndexerUrl, `/api/${kind === "offer" ? "offers" : "deals"}/${id}/history`, indexedHistorySchema),
    ]);
    if (!indexerHasReached(status, head)) return undefined;
    return entriesFromRows(kind, body.items);
  } catch {
    return undefined;
  }
}

/** Indexer first, chain logs when the indexer cannot answer for the head. */
export async function historyPreferringIndexer(
  kind: "offer" | "deal",
  id: bigint,
  chainHead: () => Promise<bigint>,
  fromChain: () => Promise<HistoryEntry[]>,
) {
  return (await historyFromIndexer(kind, id, chainHead)) ?? fromChain();
}
