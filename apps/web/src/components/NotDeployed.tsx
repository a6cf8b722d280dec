import { appChain } from "@/config/chain";
import { Notice } from "./Notice";

/** In place of a page when this build points at a chain without Peerlock; `heading` is the page's h1. */
export function NotDeployed({ heading }: { heading: string }) {
  return (
    <>
      <h1>{heading}</h1>
      <Notice kind="warn" title={`Peerlock is not available on ${appChain.name} (chain ${appChain.id}): its contracts are not deployed there.`}>
        <p>Nothing can be read or traded on this chain with this app.</p>
        <p className="hint">
          Running the app yourself? Set NEXT_PUBLIC_CHAIN_ID to a chain listed in @peerlock/sdk&apos;s deployments, or deploy the contracts to this
          chain and rebuild the SDK.
        </p>
      </Notice>
    </>
  );
}
