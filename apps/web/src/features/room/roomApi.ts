import type { DealTermsWire, encodeRoomKeyAttestation, KeyWrapWire, RoomMessageWire } from "@peerlock/sdk";
import type { Address, Hex } from "viem";
import { isUnreachable, reportRoomServer } from "./roomServer";
import type { ServerTerms } from "./roomTerms";

/** The deal room's HTTP API as the browser uses it (same origin; the session is an httpOnly cookie). */
export class RoomApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** True when the error says the room server could not be reached (not a refusal). */
export const isUnreachableError = (error: unknown): boolean => error instanceof RoomApiError && isUnreachable(error.status);

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, credentials: "same-origin", cache: "no-store" });
  } catch {
    reportRoomServer(false);
    throw new RoomApiError(0, "The deal room server cannot be reached; the deal itself still works from its link.");
  }
  reportRoomServer(!isUnreachable(res.status));
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new RoomApiError(res.status, typeof body.error === "string" ? body.error : `The server answered ${res.status}.`);
  return body as T;
}

const jsonInit = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

export type StoredMessage = {
  id: number;
  dealId: string;
  author: Address;
  clientId: string;
  body: string;
  evidence: Hex;
  sentAt: number;
  signature: Hex;
  sessionKey: { key: Address; room: string; expiry: number; signature: Hex } | null;
  createdAt: string;
};
/** A sealed file as listed: `meta` is its name and type sealed with the deal key. */
export type EvidenceInfo = { hash: Hex; meta: string; size: number; uploader: Address; createdAt: string };
export type RoomKeyRecord = { wallet: Address; publicKey: Hex; expiry: string; signature: Hex };
export type DealKeys = {
  wraps: { reader: Address; readerPublicKey: Hex; wrap: string }[];
  readers: { wallet: Address; key: RoomKeyRecord | null; wrapped: boolean }[];
};
export type Attention = {
  waiting: { dealId: string; action: string }[];
  unread: { dealId: string; count: number }[];
  total: number;
  signedIn: boolean;
};
export type OutgoingMessage = RoomMessageWire;

export const roomApi = {
  session: () => call<{ address: Address | null; domain: string; chainId: number }>("/api/room/auth/session"),
  nonce: () => call<{ nonce: string }>("/api/room/auth/nonce", { method: "POST" }),
  verify: (message: string, signature: Hex) => call<{ address: Address }>("/api/room/auth/verify", jsonInit("POST", { message, signature })),
  signOut: () => call<{ address: null }>("/api/room/auth/session", { method: "DELETE" }),
  /** null when the seller has not published this deal's terms on the server. */
  terms: async (dealId: bigint) => {
    try {
      return await call<ServerTerms>(`/api/room/deals/${dealId}/terms`);
    } catch (error) {
      if (error instanceof RoomApiError && error.status === 404) return null;
      throw error;
    }
  },
  termsOf: (ids: readonly bigint[]) => call<{ terms: ServerTerms[] }>(`/api/room/terms?ids=${ids.join(",")}`),
  /** Public text, private hash and the details sealed in this browser: the server never gets them in plain. */
  publishTerms: (dealId: bigint, terms: DealTermsWire) => call<ServerTerms>(`/api/room/deals/${dealId}/terms`, jsonInit("POST", terms)),
  sealedDetails: (dealId: bigint) => call<{ sealedDetails: string }>(`/api/room/deals/${dealId}/private`),
  roomKeysOf: (wallets: readonly Address[]) => call<{ keys: RoomKeyRecord[] }>(`/api/room/keys?wallets=${wallets.join(",")}`),
  /** The attestation as `encodeRoomKeyAttestation` writes it (the header loads this file: no key code here). */
  publishRoomKey: (attestation: ReturnType<typeof encodeRoomKeyAttestation>) =>
    call<{ key: RoomKeyRecord }>("/api/room/keys", jsonInit("POST", attestation)),
  dealKeys: (dealId: bigint) => call<DealKeys>(`/api/room/deals/${dealId}/keys`),
  postWraps: (dealId: bigint, wraps: KeyWrapWire[]) => call<{ stored: number }>(`/api/room/deals/${dealId}/keys`, jsonInit("POST", { wraps })),
  messages: (dealId: bigint) => call<{ messages: StoredMessage[] }>(`/api/room/deals/${dealId}/messages`),
  post: (dealId: bigint, message: OutgoingMessage) =>
    call<{ message: StoredMessage }>(`/api/room/deals/${dealId}/messages`, jsonInit("POST", message)),
  markRead: (dealId: bigint, lastMessageId: number) => call<{ ok: true }>(`/api/room/deals/${dealId}/read`, jsonInit("POST", { lastMessageId })),
  evidence: (dealId: bigint) => call<{ evidence: EvidenceInfo[] }>(`/api/room/deals/${dealId}/evidence`),
  /** A file sealed in this browser, with its sealed name and type. */
  upload: (dealId: bigint, sealed: Uint8Array, meta: string) =>
    call<{ evidence: EvidenceInfo }>(`/api/room/deals/${dealId}/evidence?meta=${meta}`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: sealed as BodyInit,
    }),
  /** The sealed bytes of one evidence file (opened in the browser). */
  evidenceBytes: async (dealId: bigint, hash: Hex) => {
    const res = await fetch(`/api/room/deals/${dealId}/evidence/${hash}`, { credentials: "same-origin", cache: "no-store" });
    if (!res.ok) throw new RoomApiError(res.status, `The server answered ${res.status}.`);
    return new Uint8Array(await res.arrayBuffer());
  },
  attention: () => call<Attention>("/api/room/attention"),
};
