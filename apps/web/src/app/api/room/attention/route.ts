import { attentionFor } from "@/server/room/attention";
import { currentAddress } from "@/server/room/auth/sessions";
import { handle, json } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";

/** "Needs your action": my deals waiting on me and my unread messages (zero when signed out). */
export const GET = handle(async (request: Request) => {
  await limitByIp(request);
  const address = await currentAddress(request);
  if (!address) return json({ waiting: [], unread: [], total: 0, signedIn: false });
  return json({ ...(await attentionFor(address)), signedIn: true });
});
