import { roomKeyAttestationSchema } from "@peerlock/sdk";
import { z } from "zod";
import { publishRoomKey, roomKeysOf } from "@/server/room/keys";
import { address } from "@/server/room/validation";
import { parseWith, readJson } from "@/server/shared/http/body";
import { handle, json } from "@/server/shared/http/errors";
import { guardWrite } from "@/server/shared/http/guard";
import { limitByIp, rateLimit } from "@/server/shared/http/rateLimit";

const wallets = z.array(address).min(1).max(20, "At most 20 wallets at once.");

/** Published RoomKey attestations: GET /api/room/keys?wallets=0x…,0x… (anyone may read and re-check them). */
export const GET = handle(async (request: Request) => {
  await limitByIp(request);
  const raw = new URL(request.url).searchParams.get("wallets") ?? "";
  return json({ keys: await roomKeysOf(parseWith(wallets, raw === "" ? [] : raw.split(","))) });
});

/** Publishes a wallet-signed RoomKey attestation (checked here; anyone may post one, only the wallet can sign it). */
export const POST = handle(async (request: Request) => {
  await guardWrite(request);
  const attestation = await readJson(request, roomKeyAttestationSchema);
  await rateLimit(`addr:${attestation.wallet}`);
  return json({ key: await publishRoomKey(attestation) }, { status: 201 });
});
