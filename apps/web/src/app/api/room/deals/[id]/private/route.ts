import { currentAddress } from "@/server/room/auth/sessions";
import { handle, json } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";
import { sealedDetailsFor } from "@/server/room/terms";
import { dealIdFrom } from "@/server/room/validation";

/** The payment details sealed with the deal key, for the seller, the buyer once taken and the arbiter once disputed (403 otherwise). */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  return json({ sealedDetails: await sealedDetailsFor(dealId, await currentAddress(request)) });
});
