/** Every refusal is a plain sentence in `{ error }` with the right status; nothing else leaks. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra machine-readable fields next to `error` (e.g. the order book's reason names). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return json({ error: error.message, ...error.details }, { status: error.status, headers: error.headers });
  if (error instanceof Error && error.constructor.name === "ChainUnavailable") return json({ error: error.message }, { status: 503 });
  console.error("deal room:", error);
  return json({ error: "Something went wrong on the server." }, { status: 500 });
}

/** Wraps a route handler so any thrown HttpError becomes its response. */
export function handle<A extends unknown[]>(fn: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
