import { isNative, NATIVE_ETH, readTokenInfos, type TokenInfo } from "@peerlock/sdk";
import type { Address, Client } from "viem";
import { shortAddress } from "@/lib/address";

/** Tokens by lower-cased address. */
export type TokenMap = Readonly<Record<string, TokenInfo>>;

export function tokenMapOf(tokens: readonly TokenInfo[]): TokenMap {
  return Object.fromEntries(tokens.map((t) => [t.address.toLowerCase(), t]));
}

/**
 * Stand-in for an address that does not answer like an ERC-20: amounts are shown in raw
 * units (decimals 0) and the symbol is the short address, so nothing pretends to know more.
 */
export function unknownToken(address: Address): TokenInfo {
  return { address, symbol: shortAddress(address), name: "Unknown token", decimals: 0 };
}

export function tokenFrom(map: TokenMap, address: Address): TokenInfo {
  if (isNative(address)) return NATIVE_ETH;
  return map[address.toLowerCase()] ?? unknownToken(address);
}

/**
 * Symbol, name and decimals for every address not already in `known`, in one multicall.
 * Non-ERC-20 addresses get an `unknownToken` entry instead of failing the whole list.
 */
export async function loadTokenMap(client: Client, addresses: Iterable<Address>, known: TokenMap): Promise<TokenMap> {
  const missing = [...new Set([...addresses].map((a) => a.toLowerCase()))].filter((a) => !known[a] && !isNative(a as Address)) as Address[];
  if (missing.length === 0) return known;
  const infos = await readTokenInfos(client, missing);
  const found = missing.map((address, i) => infos[i] ?? unknownToken(address));
  return { ...known, ...tokenMapOf(found) };
}

/** The distinct addresses among `addresses` that `known` lacks (native ETH needs no read). */
export function unknownTokensOf(addresses: readonly (Address | undefined)[], known: TokenMap): Address[] {
  const wanted = addresses.filter((a): a is Address => !!a).map((a) => a.toLowerCase() as Address);
  return [...new Set(wanted)].filter((a) => !known[a] && !isNative(a));
}

/** Symbol, name and decimals of one token (one multicall), or the unknown stand-in. */
export async function loadTokenInfo(client: Client, address: Address): Promise<TokenInfo> {
  const [info] = await readTokenInfos(client, [address]);
  return info ?? unknownToken(address);
}
