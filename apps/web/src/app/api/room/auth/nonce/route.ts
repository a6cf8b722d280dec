import { issueNonce } from "@/server/room/auth/siwe";
import { roomConfig } from "@/server/room/config";
import { handle, json } from "@/server/shared/http/errors";
import { clientAddress } from "@/server/shared/http/clientAddress";
import { rateLimitAt } from "@/server/shared/http/rateLimit";

/**
 * A single-use SIWE nonce. Each client address has its own small budget and nothing is shared by
 * all callers, so no one can use up sign-in for others; unused nonces expire (see issueNonce).
 */
export const POST = handle(async (request: Request) => {
  await rateLimitAt(roomConfig().noncesPerMinutePerClient, `nonce:${clientAddress(request)}`);
  return json({ nonce: await issueNonce() });
});
