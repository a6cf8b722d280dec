/** Marks every HttpError, so a copy of this module in another bundle still recognises one. */
const BRAND = Symbol.for("peerlock.httpError");

/**
 * Every refusal is a plain sentence in `{ error }` with the status it carries; nothing else leaks.
 * Errors map to statuses by this type (never by constructor name, which minifiers rename).
 */
export class HttpError extends Error {
  readonly [BRAND] = true;
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

/** The chain (or the app's deployment on it) cannot be read now: 503, try again. */
export class ChainUnavailable extends HttpError {
  constructor(message: string) {
    super(503, message);
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError || (typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true);
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...init, headers });
}

export function errorResponse(error: unknown): Response {
  if (isHttpError(error)) return json({ error: error.message, ...error.details }, { status: error.status, headers: error.headers });
  console.error("server:", error);
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
