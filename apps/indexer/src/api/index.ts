// The read API: Hono routes under /api (validated with zod, bigints as decimal strings).
// Ponder's SQL-over-HTTP (/sql, for @ponder/client) is off: nothing here uses it, and it
// answered bad input with 500s naming internal files. Ponder itself serves /health, /ready
// and /status.
import { publicClients } from "ponder:api";
import { Hono } from "hono";
import { listedDeals, openOffers, tokensFor } from "./market";
import {
  address,
  BadRequest,
  dealsQuery,
  noQuery,
  offersQuery,
  orderHash,
  pageQuery,
  parse,
  reputationBatchQuery,
  signedFillsQuery,
  signedPageQuery,
  tradeId,
  tradesQuery,
} from "./params";
import { rateLimit } from "./rateLimit";
import { reputationOf } from "./reputation";
import { fillsOfOrder, nonceCancellationsOf, signedFillsOf } from "./signed";
import { indexStatus } from "./status";
import { arbiterQueue, creditsOf, dealById, historyOf, offerById, tradesOf } from "./trades";
import { sendJson } from "./json";

const app = new Hono();
const api = new Hono();

app.all("/sql/*", (c) => c.json({ error: "SQL over HTTP is off on this indexer: use the /api routes" }, 404));
api.use("*", rateLimit());

api.get("/status", async (c) => {
  parse(noQuery, c.req.query());
  const chainId = await publicClients.peerlock.getChainId().catch(() => null);
  return sendJson(c, await indexStatus(chainId ?? 0));
});

api.get("/offers", async (c) => {
  const result = await openOffers(parse(offersQuery, c.req.query()));
  return sendJson(c, { ...result, tokens: await tokensFor(result.items.flatMap((o) => [o.sellToken, o.buyToken])) });
});

api.get("/deals", async (c) => {
  const result = await listedDeals(parse(dealsQuery, c.req.query()));
  return sendJson(c, { ...result, tokens: await tokensFor(result.items.map((d) => d.token)) });
});

api.get("/offers/:id", async (c) => {
  parse(noQuery, c.req.query());
  const id = parse(tradeId, c.req.param("id"), "id");
  const offer = await offerById(id);
  if (!offer) return sendJson(c, { error: `offer ${id} is not indexed` }, 404);
  return sendJson(c, { offer, history: await historyOf("offer", id), tokens: await tokensFor([offer.sellToken, offer.buyToken]) });
});

api.get("/deals/:id", async (c) => {
  parse(noQuery, c.req.query());
  const id = parse(tradeId, c.req.param("id"), "id");
  const deal = await dealById(id);
  if (!deal) return sendJson(c, { error: `deal ${id} is not indexed` }, 404);
  return sendJson(c, { deal, history: await historyOf("deal", id), tokens: await tokensFor([deal.token]) });
});

api.get("/offers/:id/history", async (c) => {
  parse(noQuery, c.req.query());
  return sendJson(c, { items: await historyOf("offer", parse(tradeId, c.req.param("id"), "id")) });
});

api.get("/deals/:id/history", async (c) => {
  parse(noQuery, c.req.query());
  return sendJson(c, { items: await historyOf("deal", parse(tradeId, c.req.param("id"), "id")) });
});

api.get("/addresses/:address/trades", async (c) => {
  const account = parse(address, c.req.param("address"), "address");
  const q = parse(tradesQuery, c.req.query());
  const result = await tradesOf(account, q.role, q.limit, q.cursor);
  const tokenAddresses = result.kind === "offer" ? result.items.flatMap((o) => [o.sellToken, o.buyToken]) : result.items.map((d) => d.token);
  return sendJson(c, { ...result, tokens: await tokensFor(tokenAddresses) });
});

api.get("/addresses/:address/reputation", async (c) => {
  parse(noQuery, c.req.query());
  return sendJson(c, await reputationOf(parse(address, c.req.param("address"), "address")));
});

api.get("/addresses/:address/credits", async (c) => {
  parse(noQuery, c.req.query());
  return sendJson(c, { items: await creditsOf(parse(address, c.req.param("address"), "address")) });
});

api.get("/reputation", async (c) => {
  const { addresses } = parse(reputationBatchQuery, c.req.query());
  const unique = [...new Set(addresses)];
  return sendJson(c, { items: await Promise.all(unique.map(reputationOf)) });
});

api.get("/arbiters/:address/disputes", async (c) => {
  const arbiter = parse(address, c.req.param("address"), "address");
  const q = parse(pageQuery, c.req.query());
  const result = await arbiterQueue(arbiter, q.limit, q.cursor);
  return sendJson(c, { ...result, tokens: await tokensFor(result.items.map((d) => d.token)) });
});

api.get("/signed/fills", async (c) => {
  return sendJson(c, await signedFillsOf(parse(signedFillsQuery, c.req.query())));
});

api.get("/signed/orders/:orderHash/fills", async (c) => {
  const hash = parse(orderHash, c.req.param("orderHash"), "orderHash");
  return sendJson(c, await fillsOfOrder(hash, parse(signedPageQuery, c.req.query())));
});

api.get("/signed/makers/:address/cancellations", async (c) => {
  const maker = parse(address, c.req.param("address"), "address");
  return sendJson(c, await nonceCancellationsOf(maker, parse(signedPageQuery, c.req.query())));
});

api.onError((error, c) => {
  if (error instanceof BadRequest) return c.json({ error: error.message }, 400);
  console.error(error);
  return c.json({ error: "internal error" }, 500);
});
api.notFound((c) => c.json({ error: "no such route" }, 404));

app.route("/api", api);

export default app;
