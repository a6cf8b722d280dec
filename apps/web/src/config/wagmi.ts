import { createConfig, type CreateConnectorFn, injected } from "wagmi";
import { walletConnect } from "wagmi/connectors";
import { devWallet } from "@/features/devWallet/connector";
import { wagmiBaseParameters } from "./wagmiBase";

/** Set at build time to offer WalletConnect; without it the app never loads its code or relay. */
const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

/**
 * Wallets: every EIP-6963 wallet the browser announces (multiInjectedProviderDiscovery), the
 * generic `window.ethereum` one for older extensions, and WalletConnect only when a project id is
 * configured (its provider is imported lazily by the connector, so it costs nothing otherwise), and
 * on local chains the built-in dev wallet (compiled out of builds for any other chain).
 */
function connectors(): CreateConnectorFn[] {
  const list: CreateConnectorFn[] = [injected({ shimDisconnect: true })];
  // next.config.ts always inlines the chain id, so for any other chain this is `false` at build
  // time and the dev wallet (connector, picker, signer) is not in the build at all.
  if (process.env.NEXT_PUBLIC_CHAIN_ID === "31337" || process.env.NEXT_PUBLIC_CHAIN_ID === "1337") list.push(devWallet());
  if (walletConnectProjectId) {
    list.push(walletConnect({ projectId: walletConnectProjectId, showQrModal: true, metadata: appMetadata() }));
  }
  return list;
}

function appMetadata() {
  const url = typeof window === "undefined" ? "http://localhost" : window.location.origin;
  return { name: "Peerlock", description: "Peer-to-peer escrow trading", url, icons: [] };
}

export function makeWagmiConfig() {
  return createConfig({ ...wagmiBaseParameters(), connectors: connectors(), multiInjectedProviderDiscovery: true });
}

export type AppConfig = ReturnType<typeof makeWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: AppConfig;
  }
}
