import { requireRoomAccess } from "@/server/room/access";
import { requireAddress } from "@/server/room/auth/sessions";
import { evidenceMetaWireSchema } from "@peerlock/sdk";
import { EVIDENCE_MAX_BYTES, listEvidence, saveEvidence } from "@/server/room/evidence";
import { parseWith, readBodyBytes } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";
import { dealIdFrom } from "@/server/room/validation";

type Ctx = { params: Promise<{ id: string }> };

/** The deal's evidence files (hashes, sizes, sealed names and types), for those who may use its room. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  await requireRoomAccess(dealId, await requireAddress(request));
  return json({ evidence: await listEvidence(dealId) });
});

/** Uploads one sealed file as the raw body (at most 5 MB of plaintext); `?meta=` is its sealed name and type. */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const uploader = await requireAddress(request);
  await rateLimit(`addr:${uploader}`);
  await requireRoomAccess(dealId, uploader);
  const { meta } = parseWith(evidenceMetaWireSchema, { meta: new URL(request.url).searchParams.get("meta") ?? "" });
  const bytes = await readBodyBytes(request, EVIDENCE_MAX_BYTES);
  return json({ evidence: await saveEvidence(dealId, uploader, bytes, meta) }, { status: 201 });
});
