import type { Chain } from "viem";

/** The name viem's chain list gives `chainId` ("Ethereum" for 1), or undefined when it has none. */
export function chainNameIn(chains: readonly unknown[], chainId: number): string | undefined {
  const found = chains.find((c): c is Chain => typeof c === "object" && c !== null && (c as Chain).id === chainId);
  return found?.name;
}
