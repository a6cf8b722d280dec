// A test user of the room API: a dev account, a cookie jar, SIWE sign-in and signed messages.
import {
  type DealContext,
  encodeRoomKeyAttestation,
  hashPrivateDetails,
  newDealKey,
  type RoomKeyPair,
  roomIdentityTypedData,
  roomKeyFromSignature,
  roomKeyTypedData,
  roomMessageTypedData,
  sealBytes,
  sealedToText,
  sealText,
  sessionKeyTypedData,
  unwrapDealKey,
  wrapDealKey,
} from "@peerlock/sdk";
import { type Address, type Hex, type LocalAccount, zeroHash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { CHAIN_ID } from "./chain";

/** The deal keys the tests' "sellers" drew, by deal id (what a seller's browser keeps). */
const dealKeys = new Map<string, Uint8Array>();
export function dealKeyOf(dealId: bigint): Uint8Array {
  const key = dealKeys.get(dealId.toString()) ?? newDealKey();
  dealKeys.set(dealId.toString(), key);
  return key;
}
export const dealContext = (dealId: bigint): DealContext => ({ chainId: CHAIN_ID, escrow: process.env.ROOM_DEAL_ESCROW as Address, dealId });
export const sealFor = (dealId: bigint, text: string, kind: "details" | "message" | "evidence" = "message") =>
  sealedToText(sealText(dealKeyOf(dealId), text, dealContext(dealId), kind));

export const sealEvidence = (dealId: bigint, bytes: Uint8Array) => sealBytes(dealKeyOf(dealId), bytes, dealContext(dealId), "evidence");
/** The terms body the seller's browser posts: public text, private hash, details sealed with the deal key. */
export const sealedTerms = (dealId: bigint, publicTerms: string, privateDetails: string) => ({
  publicTerms,
  privateDetailsHash: hashPrivateDetails(privateDetails),
  sealedDetails: sealFor(dealId, privateDetails, "details"),
});

/** Each client its own address (as a trusted proxy forwards it), so no two share a rate-limit budget. */
let clients = 0;
const run = Math.floor(Math.random() * 200);
const nextClientIp = () => `10.${run}.${Math.floor(++clients / 250) % 250}.${(clients % 250) + 1}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON came back
export type Reply = { status: number; body: any; headers: Headers };

export class RoomClient {
  cookie = "";
  sessionKey?: { account: LocalAccount; authorization: { key: Address; room: string; expiry: number; signature: Hex } };

  readonly base: string;
  readonly account: LocalAccount;
  /** Which address the messages name as author (a smart wallet's, when the account is its owner). */
  readonly address: Address;
  readonly ip: string;
  /** The app's configured origin (APP_ORIGIN): what sign-in messages and session keys name, whichever instance is called. */
  origin: string;

  // Plain fields, no parameter properties: the benchmark runs this file with Node's type stripping.
  constructor(base: string, account: LocalAccount, address: Address = account.address, ip = nextClientIp()) {
    this.base = base;
    this.account = account;
    this.address = address;
    this.ip = ip;
    this.origin = base;
  }

  get host(): string {
    return new URL(this.origin).host;
  }

  async call(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Reply> {
    const headers: Record<string, string> = { "x-forwarded-for": this.ip, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array) payload = body as BodyInit;
    else if (typeof body === "string") payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
    const setCookie = res.headers.getSetCookie()[0];
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (a file)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async siweMessage(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}): Promise<string> {
    const { body } = await this.call("POST", "/api/room/auth/nonce");
    return createSiweMessage({
      address: this.address,
      chainId: CHAIN_ID,
      domain: this.host,
      nonce: body.nonce,
      uri: this.origin,
      version: "1",
      issuedAt: new Date(),
      expirationTime: new Date(Date.now() + 5 * 60_000),
      ...overrides,
    });
  }

  async signIn(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}): Promise<Reply> {
    const message = await this.siweMessage(overrides);
    return this.call("POST", "/api/room/auth/verify", { message, signature: await this.account.signMessage({ message }) });
  }

  /** The one EIP-712 authorization of a fresh session key. */
  async authorizeSessionKey(expiry = Math.floor(Date.now() / 1000) + 3600): Promise<void> {
    const account = privateKeyToAccount(generatePrivateKey());
    const authorization = { key: account.address, room: this.host, expiry: BigInt(expiry) };
    const signature = await this.account.signTypedData(sessionKeyTypedData(CHAIN_ID, authorization));
    this.sessionKey = { account, authorization: { key: account.address, room: this.host, expiry, signature } };
  }

  /** A message body signed by the session key (or by the wallet when there is none). */
  async signedMessage(dealId: bigint, body: string, opts: { clientId?: string; evidence?: Hex; sentAt?: number } = {}) {
    const clientId = opts.clientId ?? crypto.randomUUID();
    const evidence = opts.evidence ?? zeroHash;
    const sentAt = opts.sentAt ?? Math.floor(Date.now() / 1000);
    const typed = roomMessageTypedData(CHAIN_ID, { author: this.address, dealId, clientId, body, evidence, sentAt: BigInt(sentAt) });
    const signer = this.sessionKey?.account ?? this.account;
    return { clientId, body, evidence, sentAt, signature: await signer.signTypedData(typed), sessionKey: this.sessionKey?.authorization };
  }

  /** This wallet's derived room key (from its RoomIdentity signature, as the browser does). */
  async roomKey(): Promise<RoomKeyPair> {
    const signature = await this.account.signTypedData(roomIdentityTypedData(this.address, CHAIN_ID));
    return roomKeyFromSignature(signature, this.address, CHAIN_ID);
  }

  /** Publishes the room key's RoomKey attestation. */
  async publishRoomKey(): Promise<Reply> {
    const { publicKey } = await this.roomKey();
    const statement = { wallet: this.address, publicKey, expiry: 0n };
    const signature = await this.account.signTypedData(roomKeyTypedData(CHAIN_ID, statement));
    const typed = roomKeyTypedData(CHAIN_ID, statement);
    return this.call(
      "POST",
      "/api/room/keys",
      encodeRoomKeyAttestation({ wallet: this.address, publicKey: typed.message.publicKey, expiry: 0n, signature }),
    );
  }

  /** Wraps the deal key for `readers` (their published keys) and posts the wraps. */
  async wrapFor(dealId: bigint, readers: Address[]): Promise<Reply> {
    const keys = (await this.call("GET", `/api/room/keys?wallets=${readers.join(",")}`)).body.keys as { wallet: Address; publicKey: Hex }[];
    const wraps = keys.map((k) => ({
      reader: k.wallet,
      readerPublicKey: k.publicKey,
      wrap: sealedToText(wrapDealKey(dealKeyOf(dealId), { wallet: k.wallet, publicKey: hexBytes(k.publicKey) }, dealContext(dealId))),
    }));
    return this.call("POST", `/api/room/deals/${dealId}/keys`, { wraps });
  }

  /** The deal key from this wallet's wrap, as a reader's browser gets it. */
  async openDealKey(dealId: bigint): Promise<Uint8Array> {
    const { body } = await this.call("GET", `/api/room/deals/${dealId}/keys`);
    const { secretKey } = await this.roomKey();
    const wrap = body.wraps[0];
    if (!wrap) throw new Error(`no wrap for ${this.address} in deal ${dealId}`);
    return unwrapDealKey(fromB64(wrap.wrap), { wallet: this.address, secretKey }, dealContext(dealId));
  }

  /** Uploads `bytes` sealed with the deal key, with a sealed name and type. */
  async upload(dealId: bigint, bytes: Uint8Array, name = "receipt.png", type = "image/png"): Promise<Reply> {
    return this.uploadSealed(dealId, sealEvidence(dealId, bytes), name, type);
  }

  /** Uploads bytes already sealed (the same sealed file twice is the same file). */
  async uploadSealed(dealId: bigint, sealed: Uint8Array, name = "receipt.png", type = "image/png"): Promise<Reply> {
    const meta = sealFor(dealId, JSON.stringify({ name, type }), "evidence");
    return this.call("POST", `/api/room/deals/${dealId}/evidence?meta=${meta}`, sealed);
  }

  async post(dealId: bigint, body: string, opts: Parameters<RoomClient["signedMessage"]>[2] = {}): Promise<Reply> {
    return this.call("POST", `/api/room/deals/${dealId}/messages`, await this.signedMessage(dealId, sealFor(dealId, body), opts));
  }
}

const hexBytes = (hex: Hex) => Uint8Array.from(Buffer.from(hex.slice(2), "hex"));
const fromB64 = (text: string) => Uint8Array.from(Buffer.from(text, "base64url"));
