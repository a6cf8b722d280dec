import { z } from "zod";
import { parseWith } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";
import { publicTermsOf } from "@/server/room/terms";
import { dealIdParam } from "@/server/room/validation";

const ids = z.array(dealIdParam).max(500, "At most 500 deal ids at once.");

/** Public terms of many deals at once (the market list): GET /api/room/terms?ids=1,2,3. */
export const GET = handle(async (request: Request) => {
  await limitByIp(request);
  const raw = new URL(request.url).searchParams.get("ids") ?? "";
  const dealIds = parseWith(ids, raw === "" ? [] : raw.split(","));
  return json({ terms: await publicTermsOf(dealIds) });
});
