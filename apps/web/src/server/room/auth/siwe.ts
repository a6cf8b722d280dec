import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { type Address, type Hex, isAddress } from "viem";
import { generateSiweNonce, parseSiweMessage, validateSiweMessage } from "viem/siwe";
import { chainClient } from "../../shared/chain";
import { roomConfig } from "../config";
import { getDb } from "../../shared/db/client";
import { sessions, siweNonces } from "../db/schema";
import { HttpError } from "../../shared/http/errors";

const NONCE_TTL_MS = 10 * 60 * 1000;

/** A fresh single-use nonce, valid for ten minutes; unused ones are deleted once expired. */
export async function issueNonce(): Promise<string> {
  const nonce = generateSiweNonce();
  const db = await getDb();
  await db.insert(siweNonces).values({ nonce, expiresAt: new Date(Date.now() + NONCE_TTL_MS) });
  // Now and then, forget expired nonces and sessions so neither table grows without bound.
  if (Math.random() < 0.05) {
    const now = new Date();
    await db.delete(siweNonces).where(lt(siweNonces.expiresAt, now));
    await db.delete(sessions).where(lt(sessions.expiresAt, now));
  }
  return nonce;
}

/**
 * Checks an EIP-4361 message and its signature; returns the signer. The message must name the
 * configured APP_ORIGIN (its host as domain, a URI on it) and the app's chain, carry a nonce we issued and nobody used, and be within its validity
 * times. The nonce is spent before the signature is checked, so a message is never accepted twice.
 * Smart-contract wallets verify through the chain (EIP-1271, ERC-6492) via publicClient.verifySiweMessage.
 */
export async function verifySignIn(message: string, signature: Hex, origin: URL): Promise<Address> {
  const domain = origin.host;
  let fields: ReturnType<typeof parseSiweMessage>;
  try {
    fields = parseSiweMessage(message);
  } catch {
    throw new HttpError(400, "The sign-in message is not an EIP-4361 message.");
  }
  if (!fields.address || !isAddress(fields.address) || !fields.nonce || !fields.domain) {
    throw new HttpError(400, "The sign-in message is not an EIP-4361 message.");
  }
  if (fields.domain !== domain) throw new HttpError(401, `The sign-in message is for ${fields.domain}, not ${domain}.`);
  if (!fields.uri || !URL.canParse(fields.uri) || new URL(fields.uri).origin !== origin.origin) {
    throw new HttpError(401, `The sign-in message's URI must be on ${origin.origin}.`);
  }
  if (fields.chainId !== roomConfig().chainId)
    throw new HttpError(401, `The sign-in message is for chain ${fields.chainId}, not ${roomConfig().chainId}.`);
  if (!validateSiweMessage({ message: fields, domain, nonce: fields.nonce, time: new Date() })) {
    throw new HttpError(401, "The sign-in message has expired or is not valid yet.");
  }

  const spent = await (await getDb())
    .update(siweNonces)
    .set({ usedAt: new Date() })
    .where(and(eq(siweNonces.nonce, fields.nonce), isNull(siweNonces.usedAt), gt(siweNonces.expiresAt, new Date())))
    .returning({ nonce: siweNonces.nonce });
  if (spent.length === 0) throw new HttpError(401, "The sign-in nonce is unknown, used or expired; sign in again.");

  let valid = false;
  try {
    valid = await chainClient().verifySiweMessage({ message, signature, domain, nonce: fields.nonce });
  } catch {
    valid = false;
  }
  if (!valid) throw new HttpError(401, "The sign-in signature is not the address's.");
  return fields.address;
}
