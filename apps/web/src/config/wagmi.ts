import { cookieStorage, createConfig, createStorage, type CreateConnectorFn, http, injected } from "wagmi";
import { walletConnect } from "wagmi/connectors";
import { devWallet } from "@/features/devWallet/connector";
import { devWalletEnabled } from "@/features/devWallet/enabled";
import { appChain } from "./chain";
import { appClientBatch, appTransportOptions } from "./transport";

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
  if (devWalletEnabled) list.push(devWallet());
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
  return createConfig({
    chains: [appChain],
    connectors: connectors(),
    multiInjectedProviderDiscovery: true,
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    transports: { [appChain.id]: http(undefined, appTransportOptions) },
    batch: appClientBatch,
    // Local chains mine instantly; 2 s keeps event watching responsive without hammering the node.
    pollingInterval: 2_000,
  });
}

export type AppConfig = ReturnType<typeof makeWagmiConfig>;

declare module "wagmi" {
  interface Register {
    config: AppConfig;
  }
}
