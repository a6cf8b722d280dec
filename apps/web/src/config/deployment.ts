import { getDeployment, NATIVE_ETH, type Deployment, type TokenInfo } from "@peerlock/sdk";
import { appChainId, isLocalChain } from "./chain";

/** Where the escrows live on the app's chain; undefined when Peerlock is not deployed there. */
export const appDeployment: Deployment | undefined = getDeployment(appChainId);

/** Tokens the app offers in pickers without any lookup: ETH plus the deployment's list. */
export const knownTokens: readonly TokenInfo[] = [NATIVE_ETH, ...(appDeployment?.tokens ?? [])];

/** The faucet is a local-chain convenience: test tokens with a public `faucet()`. */
export const faucetTokens: readonly TokenInfo[] = isLocalChain ? (appDeployment?.tokens ?? []).filter((t) => t.faucet) : [];
