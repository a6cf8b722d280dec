import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { type Address, getAddress } from "viem";
import { getDb } from "../../shared/db/client";
import { sessions } from "../db/schema";
import { HttpError } from "../../shared/http/errors";
import { appOrigin } from "../../shared/origin";

export const SESSION_COOKIE = "peerlock_room";
const SESSION_TTL_MS = 24 * 60 * 60 * 1000;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A new opaque session id for `address`; only its hash is stored. Returns the Set-Cookie value. */
export async function createSession(address: Address, secure: boolean): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await (await getDb()).insert(sessions).values({ idHash: sha256(id), address: getAddress(address), expiresAt });
  return cookie(id, SESSION_TTL_MS / 1000, secure);
}

export function clearedCookie(secure: boolean): string {
  return cookie("", 0, secure);
}

function cookie(value: string, maxAge: number, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

function sessionId(request: Request): string | undefined {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) return rest.join("=") || undefined;
  }
  return undefined;
}

/** The signed-in address, or undefined. */
export async function currentAddress(request: Request): Promise<Address | undefined> {
  const id = sessionId(request);
  if (!id) return undefined;
  const rows = await (await getDb())
    .select({ address: sessions.address })
    .from(sessions)
    .where(and(eq(sessions.idHash, sha256(id)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return rows[0] ? getAddress(rows[0].address) : undefined;
}

export async function requireAddress(request: Request): Promise<Address> {
  const address = await currentAddress(request);
  if (!address) throw new HttpError(401, "Sign in with your wallet first.");
  return address;
}

export async function endSession(request: Request): Promise<void> {
  const id = sessionId(request);
  if (id) await (await getDb()).delete(sessions).where(eq(sessions.idHash, sha256(id)));
}

/** The cookie is Secure when the app is served over HTTPS, as APP_ORIGIN says (not as a request header claims). */
export function isSecure(): boolean {
  return appOrigin().protocol === "https:";
}
