import { clearedCookie, currentAddress, endSession, isSecure } from "@/server/room/auth/sessions";
import { roomConfig } from "@/server/room/config";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp } from "@/server/shared/http/rateLimit";
import { appOrigin } from "@/server/shared/origin";

/** Who is signed in, and the domain, origin and chain a sign-in message must name (from APP_ORIGIN). */
export const GET = handle(async (request: Request) => {
  await limitByIp(request);
  const origin = appOrigin();
  return json({ address: (await currentAddress(request)) ?? null, domain: origin.host, origin: origin.origin, chainId: roomConfig().chainId });
});

/** Signs out. */
export const DELETE = handle(async (request: Request) => {
  await guardWrite(request);
  await endSession(request);
  return json({ address: null }, { headers: { "set-cookie": clearedCookie(isSecure()) } });
});
