import { appChain } from "@/config/chain";
import { Notice } from "./Notice";

export function NotDeployed() {
  return (
    <Notice kind="warn" title={`Peerlock is not deployed on ${appChain.name} (chain ${appChain.id}).`}>
      <p>
        Set NEXT_PUBLIC_CHAIN_ID to a chain listed in @peerlock/sdk&apos;s deployments, or deploy the contracts to this chain
        and rebuild the SDK.
      </p>
    </Notice>
  );
}
