// A test user of the room API: a dev account, a cookie jar, SIWE sign-in and signed messages.
import { roomMessageTypedData, sessionKeyTypedData } from "@peerlock/sdk";
import { type Address, type Hex, type LocalAccount, zeroHash } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { CHAIN_ID } from "./chain";

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

  async post(dealId: bigint, body: string, opts: Parameters<RoomClient["signedMessage"]>[2] = {}): Promise<Reply> {
    return this.call("POST", `/api/room/deals/${dealId}/messages`, await this.signedMessage(dealId, body, opts));
  }
}
