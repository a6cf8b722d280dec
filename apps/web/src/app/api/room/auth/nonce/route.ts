import { issueNonce } from "@/server/room/auth/siwe";
import { handle, json } from "@/server/room/http/errors";
import { limitByIp } from "@/server/room/http/rateLimit";

/** A single-use SIWE nonce. */
export const POST = handle(async (request: Request) => {
  limitByIp(request);
  return json({ nonce: await issueNonce() });
});
