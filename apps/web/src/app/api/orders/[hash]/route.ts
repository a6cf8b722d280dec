import { getOrder } from "@/server/orderbook/list";
import { orderHashParam } from "@/server/orderbook/validation";
import { parseWith } from "@/server/shared/http/body";
import { handle, HttpError, json } from "@/server/shared/http/errors";
import { limitByIp } from "@/server/shared/http/rateLimit";

export const runtime = "nodejs";

type Ctx = { params: Promise<{ hash: string }> };

/** One order by its hash, whatever its status, re-checked on chain when it is still live. */
export const GET = handle(async (request: Request, { params }: Ctx) => {
  await limitByIp(request);
  const orderHash = parseWith(orderHashParam, (await params).hash);
  const order = await getOrder(orderHash);
  if (!order) throw new HttpError(404, "No order with this hash is in the book.");
  return json({ order });
});
