/**
 * The built-in dev wallet exists only in builds for a local chain. The chain id is compared as a
 * literal string so the bundler folds this to `false` for any other NEXT_PUBLIC_CHAIN_ID and drops
 * the connector and its lazily loaded signer from the build. Unset means the default, 31337.
 */
const chainIdAtBuild = process.env.NEXT_PUBLIC_CHAIN_ID;

export const devWalletEnabled =
  chainIdAtBuild === undefined || chainIdAtBuild === "" || chainIdAtBuild === "31337" || chainIdAtBuild === "1337";
