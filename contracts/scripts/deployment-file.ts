import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Address } from "viem";

/** Chains whose deployments are throwaway: written where git ignores them. */
export const LOCAL_CHAIN_IDS = new Set([31337, 1337]);

const sdkDeployments = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "packages", "sdk", "deployments");

export type DeploymentFile = {
  chainId: number;
  swapEscrow: { address: Address; deployedOnBlock: string };
  dealEscrow: { address: Address; deployedOnBlock: string };
  signedSwap: { address: Address; deployedOnBlock: string };
  tokens: { address: Address; symbol: string; name: string; decimals: number; faucet?: boolean }[];
};

/**
 * Writes the addresses the SDK generator merges into `deployments`: committed JSON for real
 * networks, gitignored JSON under `local/` for development chains.
 */
export function writeDeploymentFile(deployment: DeploymentFile): string {
  const dir = LOCAL_CHAIN_IDS.has(deployment.chainId) ? join(sdkDeployments, "local") : sdkDeployments;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${deployment.chainId}.json`);
  writeFileSync(path, `${JSON.stringify(deployment, null, 2)}\n`);
  return path;
}
