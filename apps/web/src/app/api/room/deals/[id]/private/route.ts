import { currentAddress } from "@/server/room/auth/sessions";
import { handle, json } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";
import { privateDetailsFor } from "@/server/room/terms";
import { dealIdFrom } from "@/server/room/validation";

/** The payment details, for the seller, the buyer once taken and the arbiter once disputed (403 otherwise). */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  await limitByIp(request);
  const dealId = await dealIdFrom(params);
  return json({ privateDetails: await privateDetailsFor(dealId, await currentAddress(request)) });
});
