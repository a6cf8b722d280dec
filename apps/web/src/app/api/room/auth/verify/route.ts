import { z } from "zod";
import { createSession, isSecure } from "@/server/room/auth/sessions";
import { verifySignIn } from "@/server/room/auth/siwe";
import { roomDomain } from "@/server/room/config";
import { readJson } from "@/server/room/http/body";
import { handle, json } from "@/server/room/http/errors";
import { guardWrite } from "@/server/room/http/guard";
import { signature } from "@/server/room/validation";

const input = z.object({ message: z.string().min(1).max(4_000), signature });

/** Signs in with an EIP-4361 message; sets the httpOnly session cookie. */
export const POST = handle(async (request: Request) => {
  guardWrite(request);
  const body = await readJson(request, input);
  const address = await verifySignIn(body.message, body.signature, roomDomain(request));
  const cookie = await createSession(address, isSecure(request));
  return json({ address }, { headers: { "set-cookie": cookie } });
});
