import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { warnOnce } from "../env";

/**
 * Route handlers never see the socket, and Next passes on an X-Forwarded-For the client sent. So
 * the Node server stamps each request, before Next reads it, with the address it resolved from
 * the socket (instrumentation.ts subscribes to node:http's request channel). The stamp carries a
 * per-process secret: a client cannot send one that passes, and a request that was not stamped
 * (none is, in practice) falls into one shared bucket instead of trusting anything it says.
 */
export const CLIENT_ADDRESS_HEADER = "x-peerlock-client-address";
const UNKNOWN = "unstamped";

const holder = globalThis as typeof globalThis & { __peerlockStampToken?: string; __peerlockProxies?: { raw: string; list: BlockList } };

const stampToken = () => (holder.__peerlockStampToken ??= randomBytes(18).toString("base64url"));

/** "::ffff:10.0.0.1" is 10.0.0.1: one address, one bucket. */
function normalize(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith("::ffff:") && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** TRUSTED_PROXIES: comma-separated IPs and CIDRs (e.g. "127.0.0.1,10.0.0.0/8,fd00::/8"). Bad entries stop the server. */
export function trustedProxies(): BlockList {
  const raw = process.env.TRUSTED_PROXIES ?? "";
  if (holder.__peerlockProxies?.raw === raw) return holder.__peerlockProxies.list;
  const list = new BlockList();
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [ip, bits, extra] = entry.split("/");
    const family = isIP(ip ?? "");
    const prefix = bits === undefined ? undefined : Number(bits);
    if (
      !family ||
      extra !== undefined ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))
    ) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range.`);
    }
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) list.addAddress(ip!, type);
    else list.addSubnet(ip!, prefix, type);
  }
  holder.__peerlockProxies = { raw, list };
  return list;
}

function isTrusted(address: string, list: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket peer's, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For (read right to left) that is not itself a trusted proxy. Entries
 * left of that one were written by the client and are ignored.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined): string {
  const socket = normalize(peer ?? "");
  const list = trustedProxies();
  if (!socket || !isTrusted(socket, list) || !forwardedFor) return socket || UNKNOWN;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map(normalize).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (!isIP(hop)) return socket; // a proxy we trust would not write this: do not guess
    if (!isTrusted(hop, list) || i === 0) return hop;
  }
  return socket;
}

/** Runs in the Node server for every request, before Next sees it. */
export function stampClientAddress(request: IncomingMessage): void {
  request.headers[CLIENT_ADDRESS_HEADER] =
    `${stampToken()} ${resolveClientAddress(request.socket?.remoteAddress, request.headers["x-forwarded-for"])}`;
}

/** The client's address as stamped by this process (see above); one shared bucket if it was not. */
export function clientAddress(request: Request): string {
  const [token, address] = (request.headers.get(CLIENT_ADDRESS_HEADER) ?? "").split(" ");
  if (token && address && token === holder.__peerlockStampToken) return address;
  warnOnce("a request reached a route without the server's client-address stamp; such requests share one rate-limit bucket.");
  return UNKNOWN;
}
