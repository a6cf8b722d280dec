import { z } from "zod";
import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { appDomain } from "@/server/shared/origin";
import { parseWith, readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";
import { listMessages, postMessage, postMessageInput } from "@/server/room/messages";
import { dealIdFrom } from "@/server/room/validation";

type Ctx = { params: Promise<{ id: string }> };
const after = z.coerce.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** Messages after `?after=<id>` (oldest first, up to 200), for the deal's parties. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  const reader = await requireAddress(request);
  await requireRoomAccess(dealId, reader);
  const afterId = parseWith(after, new URL(request.url).searchParams.get("after") ?? "0");
  return json({ messages: await listMessages(dealId, afterId) });
});

/** A signed message from the signed-in wallet; a retry with the same clientId returns the stored one (200). */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const author = await requireAddress(request);
  await rateLimit(`addr:${author}`);
  const input = await readJson(request, postMessageInput);
  await requireRoomAccess(dealId, author);
  const { message, created } = await postMessage(dealId, author, input, appDomain());
  return json({ message }, { status: created ? 201 : 200 });
});
