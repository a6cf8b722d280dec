import { cookieStorage, createStorage, http } from "wagmi";
import { appChain } from "./chain";
import { appClientBatch, appTransportOptions } from "./transport";

/**
 * The wagmi settings the browser's config and the server's cookie reader share. Kept apart from
 * the connectors so the server layout, which only reads the connection cookie, never imports a
 * wallet's code (the dev wallet's picker is client-only).
 */
export function wagmiBaseParameters() {
  return {
    chains: [appChain] as const,
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
    transports: { [appChain.id]: http(undefined, appTransportOptions) },
    batch: appClientBatch,
    // Local chains mine instantly; 2 s keeps event watching responsive without hammering the node.
    pollingInterval: 2_000,
  };
}
