import { base64urlnopad } from "@scure/base";
import { type Address, bytesToHex, concatBytes, getAddress, hexToBytes, isAddress, size } from "viem";
import type { SignedOrderWithSignature } from "./order.js";

/**
 * A signed order packed into one URL-safe string (base64url, no padding), so an offer can be
 * shared as a link with no server. It holds everything needed to verify and fill it: the chain
 * id, the SignedSwap contract, the order and the signature.
 *
 * Layout (version 1): version byte, then the chain id, verifying contract, maker, taker,
 * sell token, sell amount, buy token, buy amount, expiry, nonce, a flags byte (bit 0:
 * partial fills) and the signature. Numbers are one length byte plus their minimal
 * big-endian bytes, so small amounts and nonces cost a few bytes; addresses are 20 bytes.
 */
const VERSION = 1;
const MAX_LINK_LENGTH = 4_096;

/** Why a link could not be read, in plain words. */
export class OrderLinkError extends Error {
  override name = "OrderLinkError";
}

export function encodeOrderLink(signed: SignedOrderWithSignature): string {
  const { order } = signed;
  const parts: Uint8Array[] = [
    Uint8Array.of(VERSION),
    uint(BigInt(signed.chainId), 32),
    hexToBytes(signed.verifyingContract),
    hexToBytes(order.maker),
    hexToBytes(order.taker),
    hexToBytes(order.sellToken),
    uint(order.sellAmount, 256),
    hexToBytes(order.buyToken),
    uint(order.buyAmount, 256),
    uint(order.expiry, 64),
    uint(order.nonce, 256),
    Uint8Array.of(order.partialFills ? 1 : 0),
    hexToBytes(signed.signature),
  ];
  return toBase64Url(concatBytes(parts));
}

/** Reads a link made by `encodeOrderLink`; throws OrderLinkError for anything else. */
export function decodeOrderLink(link: string): SignedOrderWithSignature {
  if (link.length > MAX_LINK_LENGTH) throw new OrderLinkError("This offer link is too long to be a Peerlock offer.");
  if (!/^[A-Za-z0-9_-]+$/.test(link)) throw new OrderLinkError("This offer link is damaged: it has characters no offer link has.");
  const reader = new Reader(fromBase64Url(link));
  const version = reader.byte();
  if (version !== VERSION) throw new OrderLinkError("This offer link was made by another version of Peerlock.");
  const chainId = reader.uint(32);
  const verifyingContract = reader.address();
  const maker = reader.address();
  const taker = reader.address();
  const sellToken = reader.address();
  const sellAmount = reader.uint(256);
  const buyToken = reader.address();
  const buyAmount = reader.uint(256);
  const expiry = reader.uint(64);
  const nonce = reader.uint(256);
  const flags = reader.byte();
  if (flags > 1) throw new OrderLinkError("This offer link is damaged: unknown options.");
  const signature = bytesToHex(reader.rest());
  if (size(signature) === 0) throw new OrderLinkError("This offer link has no signature.");
  if (chainId === 0n || chainId > BigInt(Number.MAX_SAFE_INTEGER)) throw new OrderLinkError("This offer link names no valid chain.");
  return {
    chainId: Number(chainId),
    verifyingContract,
    order: { maker, taker, sellToken, sellAmount, buyToken, buyAmount, expiry, nonce, partialFills: flags === 1 },
    signature,
  };
}

/** One length byte, then the minimal big-endian bytes of `value` (which must fit in `bits`). */
function uint(value: bigint, bits: number): Uint8Array {
  if (value < 0n || value >= 1n << BigInt(bits)) throw new RangeError(`${value} does not fit in uint${bits}`);
  const bytes: number[] = [];
  for (let v = value; v > 0n; v >>= 8n) bytes.unshift(Number(v & 0xffn));
  return Uint8Array.of(bytes.length, ...bytes);
}

class Reader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new OrderLinkError("This offer link is cut short: copy the whole link.");
    const slice = this.bytes.slice(this.at, this.at + length);
    this.at += length;
    return slice;
  }

  byte(): number {
    return this.take(1)[0];
  }

  uint(bits: number): bigint {
    const length = this.byte();
    if (length > bits / 8) throw new OrderLinkError("This offer link is damaged: a number is too large.");
    const bytes = this.take(length);
    if (length > 0 && bytes[0] === 0) throw new OrderLinkError("This offer link is damaged: a number is badly encoded.");
    return bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  }

  address(): Address {
    const hex = bytesToHex(this.take(20));
    if (!isAddress(hex, { strict: false })) throw new OrderLinkError("This offer link is damaged: a bad address.");
    return getAddress(hex);
  }

  rest(): Uint8Array {
    return this.take(this.bytes.length - this.at);
  }
}

const toBase64Url = (bytes: Uint8Array): string => base64urlnopad.encode(bytes);

function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new OrderLinkError("This offer link is cut short: copy the whole link.");
  try {
    return base64urlnopad.decode(text);
  } catch {
    throw new OrderLinkError("This offer link is damaged: copy the whole link again.");
  }
}
