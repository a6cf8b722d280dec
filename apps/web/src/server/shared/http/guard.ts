import { appOrigin } from "../origin";
import { HttpError } from "./errors";
import { limitByIp } from "./rateLimit";

/**
 * Every state-changing request: rate-limited per client address, and refused when a browser says
 * it comes from another origin than the configured APP_ORIGIN (SameSite=Strict already keeps the
 * cookie off those; this refuses before any work). Request headers never decide the app's origin.
 */
export async function guardWrite(request: Request): Promise<void> {
  await limitByIp(request);
  const origin = request.headers.get("origin");
  if (origin && origin !== "null" && origin !== appOrigin().origin) throw new HttpError(403, "Cross-site requests are not accepted.");
}
