import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { evidenceResponse } from "@/server/room/evidence";
import { parseWith } from "@/server/shared/http/body";
import { handle } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";
import { dealIdFrom, hex32 } from "@/server/room/validation";

/** One evidence file, served so it cannot run script (see evidenceResponse). */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string; hash: string }> }) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  const hash = parseWith(hex32, (await params).hash);
  await requireRoomAccess(dealId, await requireAddress(request));
  return evidenceResponse(dealId, hash);
});
