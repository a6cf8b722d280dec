import type { Address } from "viem";
import { generatedDeployments } from "./generated/deployments.js";

/** A token the app knows by address on a chain. `faucet` marks local test tokens. */
export type TokenInfo = {
  address: Address;
  symbol: string;
  name: string;
  decimals: number;
  faucet?: boolean;
};

export type DeployedContract = { address: Address; deployedOnBlock: bigint };

/** Where Peerlock lives on one chain, and the tokens worth listing there. */
export type Deployment = {
  chainId: number;
  swapEscrow: DeployedContract;
  dealEscrow: DeployedContract;
  /** Gasless signed offers (`SignedSwap`). */
  signedSwap: DeployedContract;
  tokens: TokenInfo[];
};

/** Every known deployment, keyed by chain id: committed networks plus a local chain if deployed. */
export const deployments: Readonly<Record<number, Deployment>> = generatedDeployments;

export function getDeployment(chainId: number): Deployment | undefined {
  return deployments[chainId];
}

// written out rather than imported from viem, so `@peerlock/sdk/ethers` loads no viem at run time
const zeroAddress: Address = "0x0000000000000000000000000000000000000000";

/** Native ETH is `address(0)` in every Peerlock call. */
export const NATIVE_ETH: TokenInfo = { address: zeroAddress, symbol: "ETH", name: "Ether", decimals: 18 };

export function isNative(token: Address): boolean {
  return token.toLowerCase() === zeroAddress;
}
