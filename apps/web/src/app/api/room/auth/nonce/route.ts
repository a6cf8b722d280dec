import { issueNonce } from "@/server/room/auth/siwe";
import { handle, json } from "@/server/room/http/errors";
import { roomConfig } from "@/server/room/config";
import { limitByIp, rateLimitAt } from "@/server/room/http/rateLimit";

/** A single-use SIWE nonce. */
export const POST = handle(async (request: Request) => {
  limitByIp(request);
  // Nonces are the one write anyone may cause: a ceiling for all callers together as well.
  rateLimitAt(Math.max(roomConfig().rateLimitPerMinute * 20, 10_000), "global:nonce");
  return json({ nonce: await issueNonce() });
});
