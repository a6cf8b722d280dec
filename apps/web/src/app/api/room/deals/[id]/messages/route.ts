import { z } from "zod";
import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { roomDomain } from "@/server/room/config";
import { parseWith, readJson } from "@/server/room/http/body";
import { handle, json } from "@/server/room/http/errors";
import { guardWrite } from "@/server/room/http/guard";
import { limitByIp, rateLimit } from "@/server/room/http/rateLimit";
import { listMessages, postMessage, postMessageInput } from "@/server/room/messages";
import { dealIdFrom } from "@/server/room/validation";

type Ctx = { params: Promise<{ id: string }> };
const after = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Messages after `?after=<id>` (oldest first, up to 200), for the deal's parties. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  limitByIp(request);
  const dealId = await dealIdFrom(params);
  const reader = await requireAddress(request);
  await requireRoomAccess(dealId, reader);
  const afterId = parseWith(after, new URL(request.url).searchParams.get("after") ?? "0");
  return json({ messages: await listMessages(dealId, afterId) });
});

/** A signed message from the signed-in wallet; a retry with the same clientId returns the stored one (200). */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  guardWrite(request);
  const dealId = await dealIdFrom(params);
  const author = await requireAddress(request);
  rateLimit(`addr:${author}`);
  const input = await readJson(request, postMessageInput);
  await requireRoomAccess(dealId, author);
  const { message, created } = await postMessage(dealId, author, input, roomDomain(request));
  return json({ message }, { status: created ? 201 : 200 });
});
