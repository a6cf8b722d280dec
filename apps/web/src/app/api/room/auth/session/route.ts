import { clearedCookie, currentAddress, endSession, isSecure } from "@/server/room/auth/sessions";
import { roomConfig, roomDomain } from "@/server/room/config";
import { handle, json } from "@/server/room/http/errors";
import { guardWrite } from "@/server/room/http/guard";
import { limitByIp } from "@/server/room/http/rateLimit";

/** Who is signed in, and the domain and chain a sign-in message must name. */
export const GET = handle(async (request: Request) => {
  limitByIp(request);
  return json({ address: (await currentAddress(request)) ?? null, domain: roomDomain(request), chainId: roomConfig().chainId });
});

/** Signs out. */
export const DELETE = handle(async (request: Request) => {
  guardWrite(request);
  await endSession(request);
  return json({ address: null }, { headers: { "set-cookie": clearedCookie(isSecure(request)) } });
});
