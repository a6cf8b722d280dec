import { z } from "zod";
import { createSession, isSecure } from "@/server/room/auth/sessions";
import { verifySignIn } from "@/server/room/auth/siwe";
import { signature } from "@/server/room/validation";
import { readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { appOrigin } from "@/server/shared/origin";

const input = z.object({ message: z.string().min(1).max(4_000), signature });

/** Signs in with an EIP-4361 message for APP_ORIGIN; sets the httpOnly session cookie. */
export const POST = handle(async (request: Request) => {
  await guardWrite(request);
  const body = await readJson(request, input);
  const address = await verifySignIn(body.message, body.signature, appOrigin());
  const cookie = await createSession(address, isSecure());
  return json({ address }, { headers: { "set-cookie": cookie } });
});
