import { z } from "zod";
import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { markRead } from "@/server/room/messages";
import { dealIdFrom } from "@/server/room/validation";

const input = z.object({ lastMessageId: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER) });

/** Marks the deal's messages up to `lastMessageId` as read by the signed-in wallet. */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const reader = await requireAddress(request);
  const { lastMessageId } = await readJson(request, input);
  await requireRoomAccess(dealId, reader);
  await markRead(dealId, reader, lastMessageId);
  return json({ ok: true });
});
