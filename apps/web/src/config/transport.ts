import type { HttpTransportConfig } from "viem";

/**
 * How the app talks to its node, shared by the wagmi config and the market benchmark so the
 * benchmark measures exactly what the browser does.
 * - JSON-RPC batching: calls made in the same tick go out as one HTTP request.
 * - No client-level multicall merging (wagmi's default): the SDK already reads in multicall
 *   chunks, and merging those again on a chain without Multicall3 builds one deployless call over
 *   the initcode size limit ("create initcode size limit" on Hardhat).
 */
export const appTransportOptions = { batch: true } as const satisfies HttpTransportConfig;
export const appClientBatch = { multicall: false } as const;
