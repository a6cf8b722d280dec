import { getDeployment } from "@peerlock/sdk";
import { type Address, getAddress } from "viem";
import { appChainId, appRpcUrl } from "@/config/chain";

/**
 * The deal room server's settings, read per call (not at import) so tests and `next start`
 * can set them in the environment.
 */
export type RoomConfig = {
  chainId: number;
  /** The node the server reads deals from: ROOM_RPC_URL, else the app's NEXT_PUBLIC_RPC_URL. */
  rpcUrl: string;
  /** DealEscrow on the app's chain from @peerlock/sdk; ROOM_DEAL_ESCROW points a test server at its own deploy. */
  dealEscrow: Address | undefined;
  /** The host (e.g. "peerlock.example" or "localhost:3000") SIWE messages and session keys must name. Unset: the request's Host. */
  domain: string | undefined;
  rateLimitPerMinute: number;
};

export function roomConfig(): RoomConfig {
  const override = process.env.ROOM_DEAL_ESCROW;
  return {
    chainId: appChainId,
    rpcUrl: process.env.ROOM_RPC_URL || appRpcUrl,
    dealEscrow: override ? getAddress(override) : getDeployment(appChainId)?.dealEscrow.address,
    domain: process.env.ROOM_DOMAIN || undefined,
    rateLimitPerMinute: Number(process.env.ROOM_RATE_LIMIT_PER_MINUTE) || 600,
  };
}

/** The room's domain for this request: the configured one, else the Host header the browser sent. */
export function roomDomain(request: Request): string {
  return roomConfig().domain ?? request.headers.get("host") ?? new URL(request.url).host;
}
