import { getDeployment } from "@peerlock/sdk";
import { type Address, getAddress } from "viem";
import { appChainId } from "@/config/chain";
import { envNumber } from "../shared/env";

/**
 * The deal room server's own settings, read per call (not at import) so tests and `next start`
 * can set them in the environment. Shared ones (RPC, database, rate limit, origin) are in ../shared.
 */
export type RoomConfig = {
  chainId: number;
  /** DealEscrow on the app's chain from @peerlock/sdk; ROOM_DEAL_ESCROW points a test server at its own deploy. */
  dealEscrow: Address | undefined;
  /** Sign-in nonces one client address may ask for per minute (no ceiling shared by all clients). */
  noncesPerMinutePerClient: number;
  /** Evidence quota per deal and uploader: files, and bytes in all. */
  evidenceMaxFiles: number;
  evidenceMaxTotalBytes: number;
};

export function roomConfig(): RoomConfig {
  const override = process.env.ROOM_DEAL_ESCROW;
  return {
    chainId: appChainId,
    dealEscrow: override ? getAddress(override) : getDeployment(appChainId)?.dealEscrow.address,
    noncesPerMinutePerClient: envNumber("ROOM_NONCES_PER_MINUTE", 60),
    evidenceMaxFiles: envNumber("ROOM_EVIDENCE_MAX_FILES", 20),
    evidenceMaxTotalBytes: envNumber("ROOM_EVIDENCE_MAX_TOTAL_BYTES", 25 * 1024 * 1024),
  };
}
