import { HttpError } from "./errors";
import { limitByIp } from "./rateLimit";

/**
 * Every state-changing request: rate-limited per IP, and refused when a browser says it comes
 * from another site (SameSite=Strict already keeps the cookie off those; this refuses before any work).
 */
export function guardWrite(request: Request): void {
  limitByIp(request);
  const origin = request.headers.get("origin");
  if (origin && origin !== "null") {
    const host = request.headers.get("host");
    if (host && new URL(origin).host !== host) throw new HttpError(403, "Cross-site requests are not accepted.");
  }
}
