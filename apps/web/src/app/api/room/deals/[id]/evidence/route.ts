import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { EVIDENCE_MAX_BYTES, cleanFileName, listEvidence, saveEvidence } from "@/server/room/evidence";
import { readBodyBytes } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";
import { dealIdFrom } from "@/server/room/validation";

type Ctx = { params: Promise<{ id: string }> };

/** The deal's evidence files (names, types, hashes), for those who may use its room. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  await requireRoomAccess(dealId, await requireAddress(request));
  return json({ evidence: await listEvidence(dealId) });
});

/** Uploads one file as the raw body (PNG, JPEG, WebP or PDF, at most 5 MB); `?name=` is its display name. */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const uploader = await requireAddress(request);
  await rateLimit(`addr:${uploader}`);
  await requireRoomAccess(dealId, uploader);
  const bytes = await readBodyBytes(request, EVIDENCE_MAX_BYTES);
  const name = cleanFileName(new URL(request.url).searchParams.get("name"));
  return json({ evidence: await saveEvidence(dealId, uploader, bytes, name) }, { status: 201 });
});
