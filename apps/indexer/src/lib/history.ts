// Writes one row of an offer's or deal's history, and the token metadata a trade touches.
import { erc20Abi, isNative, NATIVE_ETH } from "@peerlock/sdk";
import type { Context } from "ponder:registry";
import { tokens, tradeEvents } from "ponder:schema";

type LogEvent = {
  id: string;
  block: { number: bigint; timestamp: bigint };
  log: { logIndex: number };
  transaction: { hash: `0x${string}` };
};
type AnyEvent = LogEvent & { args: Record<string, unknown> };

/** Where an event stands in the chain: the columns every per-event row keeps. */
export function placeOf(event: LogEvent) {
  return {
    id: event.id,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    timestamp: event.block.timestamp,
    transactionHash: event.transaction.hash,
  };
}

/** Event arguments as JSON: bigints become decimal strings. */
export function jsonArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "bigint" ? v.toString() : v]));
}

export async function recordTradeEvent(context: Context, kind: "offer" | "deal", tradeId: bigint, name: string, event: AnyEvent) {
  await context.db.insert(tradeEvents).values({ ...placeOf(event), kind, tradeId, name, args: jsonArgs(event.args) });
}

/**
 * Stores symbol, name and decimals the first time a token is seen, and returns them. Each call may revert
 * (not a token, or bytes32 metadata): that field stays null and indexing goes on.
 */
export async function rememberToken(context: Context, address: `0x${string}`): Promise<{ decimals: number | null }> {
  const key = address.toLowerCase() as `0x${string}`;
  const known = await context.db.find(tokens, { address: key });
  if (known) return known;
  if (isNative(key)) {
    const row = { address: key, symbol: NATIVE_ETH.symbol, name: NATIVE_ETH.name, decimals: NATIVE_ETH.decimals };
    await context.db.insert(tokens).values(row);
    return row;
  }
  const attempt = <T>(read: Promise<T>) => read.catch(() => null);
  const [symbol, name, decimals] = [
    await attempt(context.client.readContract({ abi: erc20Abi, address: key, functionName: "symbol", retryEmptyResponse: false })),
    await attempt(context.client.readContract({ abi: erc20Abi, address: key, functionName: "name", retryEmptyResponse: false })),
    await attempt(context.client.readContract({ abi: erc20Abi, address: key, functionName: "decimals", retryEmptyResponse: false })),
  ];
  const row = {
    address: key,
    symbol: typeof symbol === "string" ? symbol : null,
    name: typeof name === "string" ? name : null,
    decimals: typeof decimals === "number" ? decimals : null,
  };
  await context.db.insert(tokens).values(row);
  return row;
}
