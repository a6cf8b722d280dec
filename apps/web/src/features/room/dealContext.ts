import type { DealContext } from "@peerlock/sdk";
import { appChainId } from "@/config/chain";
import { appDeployment } from "@/config/deployment";

/** Where a deal's sealed items belong (their associated data, and the relays' room tag). */
export function dealContext(dealId: bigint): DealContext {
  if (!appDeployment) throw new Error("Peerlock is not deployed on this chain.");
  return { chainId: appChainId, escrow: appDeployment.dealEscrow.address, dealId };
}
