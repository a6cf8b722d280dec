import { dealTermsWireSchema } from "@peerlock/sdk";
import { requireAddress } from "@/server/room/auth/sessions";
import { readJson } from "@/server/shared/http/body";
import { handle, HttpError, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";
import { publicTermsOf, saveTerms } from "@/server/room/terms";
import { dealIdFrom } from "@/server/room/validation";

type Ctx = { params: Promise<{ id: string }> };

/** A deal's public terms and the hash of its private details: anyone may read them. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  const [record] = await publicTermsOf([dealId]);
  if (!record) throw new HttpError(404, "The seller has not published this deal's terms here.");
  return json(record);
});

/** The seller publishes the public terms, the private hash and the sealed details; they must hash to termsHash. */
export const POST = handle(async (request: Request, { params }: Ctx) => {
  await guardWrite(request);
  const dealId = await dealIdFrom(params);
  const author = await requireAddress(request);
  await rateLimit(`addr:${author}`);
  const body = await readJson(request, dealTermsWireSchema);
  return json(await saveTerms(dealId, author, body), { status: 201 });
});
