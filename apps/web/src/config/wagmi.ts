import { createConfig, type CreateConnectorFn, injected } from "wagmi";
import { walletConnect } from "wagmi/connectors";
import { wagmiBaseParameters } from "./wagmiBase";

/** Set at build time to offer WalletConnect; without it the app never loads its code or relay. */
const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID;

/**
 * Wallets: every EIP-6963 wallet the browser announces (multiInjectedProviderDiscovery), the
 * generic `window.ethereum` one for older extensions, and WalletConnect only when a project id is
 * configured (its provider is imported lazily by the connector, so it costs nothing otherwise), and
 * the `local` connectors the app passes in (the built-in dev wallet on local chains: config does
 * not import features, app/providers.tsx registers it).
 */
function connectors(local: readonly CreateConnectorFn[]): CreateConnectorFn[] {
  const list: CreateConnectorFn[] = [injected({ shimDisconnect: true }), ...local];
  if (walletConnectProjectId) {
    list.push(walletConnect({ projectId: walletConnectProjectId, showQrModal: true, metadata: appMetadata() }));
  }
  return list;
}

function appMetadata() {
  const url = typeof window === "undefined" ? "http://localhost" : window.location.origin;
  return { name: "Peerlock", description: "Peer-to-peer escrow trading", url, icons: [] };
}

export function makeWagmiConfig(local: readonly CreateConnectorFn[] = []) {
  return createConfig({ ...wagmiBaseParameters(), connectors: connectors(local), multiInjectedProviderDiscovery: true });
}

export type AppConfig = ReturnType<typeof makeWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: AppConfig;
  }
}
