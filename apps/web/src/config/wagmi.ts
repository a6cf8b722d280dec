import { cookieStorage, createConfig, createStorage, http, injected } from "wagmi";
import { appChain } from "./chain";
import { appClientBatch, appTransportOptions } from "./transport";

/**
 * Wallets: every EIP-6963 wallet the browser announces (multiInjectedProviderDiscovery) plus the
 * generic `window.ethereum` one for older extensions. WalletConnect is left out: its connector
 * needs @walletconnect/ethereum-provider, which this app does not ship (it also needs a relay on
 * the internet, and the app must work offline).
 */
export function makeWagmiConfig() {
  return createConfig({
    chains: [appChain],
    connectors: [injected({ shimDisconnect: true })],
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
