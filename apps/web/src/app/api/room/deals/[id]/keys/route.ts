import { keyWrapWireSchema } from "@peerlock/sdk";
import { z } from "zod";
import { requireAddress } from "@/server/room/auth/sessions";
import { dealIdFrom } from "@/server/room/validation";
import { keysFor, saveWraps } from "@/server/room/wraps";
import { readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";

type Ctx = { params: Promise<{ id: string }> };
const input = z.strictObject({ wraps: z.array(keyWrapWireSchema).min(1).max(3) });

/** My wraps of the deal key, and which readers (with their room keys) still lack one. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  return json(await keysFor(dealId, await requireAddress(request)));
});

/** Wraps of the deal key made by a reader's browser, for readers allowed now (the arbiter only once disputed). */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const writer = await requireAddress(request);
  await rateLimit(`addr:${writer}`);
  const { wraps } = await readJson(request, input);
  return json({ stored: await saveWraps(dealId, writer, wraps) }, { status: 201 });
});
