import { appChainId, appRpcUrl } from "@/config/chain";
import { envWithAlias } from "./env";

/** Settings both servers (deal room and order book) share, read per call so tests and `next start` can set them. */
export type ServerConfig = {
  chainId: number;
  /** The node both servers read: SERVER_RPC_URL (formerly ROOM_RPC_URL), else the app's NEXT_PUBLIC_RPC_URL. */
  rpcUrl: string;
  /** Where PGlite keeps its files when DATABASE_URL is unset: SERVER_DATA_DIR (formerly ROOM_DATA_DIR). */
  dataDir: string | undefined;
  /** Requests per minute per client address, and per signed-in address for writes: SERVER_RATE_LIMIT_PER_MINUTE (formerly ROOM_RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
};

export function serverConfig(): ServerConfig {
  return {
    chainId: appChainId,
    rpcUrl: envWithAlias("SERVER_RPC_URL", "ROOM_RPC_URL") || appRpcUrl,
    dataDir: envWithAlias("SERVER_DATA_DIR", "ROOM_DATA_DIR"),
    rateLimitPerMinute: Number(envWithAlias("SERVER_RATE_LIMIT_PER_MINUTE", "ROOM_RATE_LIMIT_PER_MINUTE")) || 600,
  };
}
