// A real HTTP server in the test process that serves exactly the app's /api route handlers
// (found on disk, as Next routes them), so tests go through sockets, headers and streaming bodies.
// The suites that need the production build itself (production.test.ts, instances.test.ts) use
// `next start` (../shared/nextServer.ts); this one lets a suite read the database it serves from.
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, relative, sep } from "node:path";
import { Readable } from "node:stream";
import { stampClientAddress } from "@/server/shared/http/clientAddress";

type Handler = (request: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; names: string[]; load: () => Promise<Record<string, Handler>> };

const appDir = join(import.meta.dirname, "..", "..", "src", "app");

function findRoutes(dir: string): Route[] {
  const routes: Route[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) routes.push(...findRoutes(full));
    else if (entry.name === "route.ts") {
      const segments = relative(appDir, dir).split(sep);
      const names: string[] = [];
      const source = segments
        .map((s) => (s.startsWith("[") ? (names.push(s.slice(1, -1)), "([^/]+)") : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("/");
      routes.push({ pattern: new RegExp(`^/${source}$`), names, load: () => import(full) });
    }
  }
  return routes;
}

const routes = findRoutes(join(appDir, "api"));

async function dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
  const route = routes.find((r) => r.pattern.test(url.pathname));
  const handler = route && (await route.load())[req.method ?? "GET"];
  if (!route || !handler) {
    res.writeHead(404).end();
    return;
  }
  const match = url.pathname.match(route.pattern)!;
  const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));
  stampClientAddress(req); // as the app's instrumentation does in `next start`
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    duplex: "half",
  } as RequestInit);
  const response = await handler(request, { params: Promise.resolve(params) });
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => (out[k] = v));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  res.writeHead(response.status, out);
  res.end(Buffer.from(await response.arrayBuffer()));
}

export function startRoomServer(port: number): Promise<Server> {
  const server = createServer((req, res) => {
    dispatch(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

export function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
