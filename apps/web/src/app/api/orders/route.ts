import { listOpenOrders } from "@/server/orderbook/list";
import { postOrder } from "@/server/orderbook/post";
import { publicOrder } from "@/server/orderbook/rows";
import { orderbookConfig } from "@/server/orderbook/config";
import { syncOrderBook } from "@/server/orderbook/sync";
import { publishAcceptedOrder } from "@/server/relays/publishOrder";
import { listOrdersQuery, postOrderInput } from "@/server/orderbook/validation";
import { parseWith, readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { clientAddress } from "@/server/shared/http/clientAddress";
import { limitByIp, rateLimitAt } from "@/server/shared/http/rateLimit";

export const runtime = "nodejs";

/** An order with its signature is a few hundred bytes; EIP-1271 signatures may be longer. */
const ORDER_BODY_LIMIT = 8 * 1024;

/** Open signed orders: ?sellToken=&buyToken=&maker=&sort=newest|priceAsc|priceDesc&limit=&cursor= */
export const GET = handle(async (request: Request) => {
  await limitByIp(request);
  const query = parseWith(listOrdersQuery, Object.fromEntries(new URL(request.url).searchParams));
  await syncOrderBook();
  return json(await listOpenOrders(query));
});

/**
 * Posts a signed order. No sign-in: the maker's signature is the authorization. 201 when
 * stored, 200 when it already was; 400 malformed, 413 too large, 422 not fillable, 429 spam.
 * An accepted order also goes to the relays (in the background; never fails the post).
 */
export const POST = handle(async (request: Request) => {
  const config = orderbookConfig();
  await rateLimitAt(config.postsPerMinutePerIp, `book-ip:${clientAddress(request)}`);
  const signed = await readJson(request, postOrderInput, ORDER_BODY_LIMIT);
  await rateLimitAt(config.postsPerMinutePerMaker, `book-maker:${signed.order.maker}`);
  const { row, created } = await postOrder(signed);
  publishAcceptedOrder(signed);
  return json({ order: publicOrder(row) }, { status: created ? 201 : 200 });
});
