import type { devWallet as realDevWallet } from "./connector";

/**
 * What `@/features/devWallet/connector` resolves to in a build for a non-local chain
 * (next.config.ts aliases it here): no connector, no signer, no picker, not even the lazy chunks
 * a dynamic import would emit. app/providers.tsx never calls it there (its chain-id gate folds to false).
 */
export const devWallet: typeof realDevWallet = () => {
  throw new Error("The dev wallet is only built for local chains (NEXT_PUBLIC_CHAIN_ID 31337 or 1337).");
};
