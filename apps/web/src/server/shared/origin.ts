import { warnOnce } from "./env";

/** Where a local `pnpm dev` serves the app: the sign-in origin outside production when APP_ORIGIN is unset. */
const DEV_ORIGIN = "http://localhost:3000";

const isProduction = () => process.env.NODE_ENV === "production";

/** The plain reason a production server refuses to start, or undefined when it may. */
export function appOriginProblem(): string | undefined {
  const raw = process.env.APP_ORIGIN;
  if (!raw) {
    return isProduction()
      ? "APP_ORIGIN is not set. Set it to the address users open the app at (e.g. APP_ORIGIN=https://peerlock.example); sign-in messages must name it, and request headers are never trusted for it."
      : undefined;
  }
  try {
    const url = new URL(raw);
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("not http");
    if (url.origin !== raw.replace(/\/$/, ""))
      return `APP_ORIGIN must be an origin only (scheme, host, port), like https://peerlock.example; got "${raw}".`;
  } catch {
    return `APP_ORIGIN must be an origin like https://peerlock.example; got "${raw}".`;
  }
  return undefined;
}

/**
 * The app's origin from configuration, never from request headers: SIWE messages must name its
 * host as their domain and its origin as their URI, session keys its host as their room, and
 * cross-site writes are refused by comparing Origin with it.
 */
export function appOrigin(): URL {
  const problem = appOriginProblem();
  if (problem) throw new Error(problem);
  if (process.env.ROOM_DOMAIN) warnOnce("ROOM_DOMAIN is no longer read; the sign-in domain is APP_ORIGIN's host.");
  const raw = process.env.APP_ORIGIN;
  if (!raw) warnOnce(`APP_ORIGIN is not set; signing in works only at ${DEV_ORIGIN} (a production server refuses to start without it).`);
  return new URL(raw || DEV_ORIGIN);
}

/** The host SIWE messages and session keys name, e.g. "peerlock.example" or "localhost:3000". */
export const appDomain = () => appOrigin().host;
