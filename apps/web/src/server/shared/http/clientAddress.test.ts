import type { IncomingMessage } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, clientAddress, resolveClientAddress, stampClientAddress, trustedProxies } from "./clientAddress";

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
});

describe("the client address for rate limits", () => {
  it("is the socket's when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "10.0.0.1")).toBe("203.0.113.7");
    expect(resolveClientAddress("::ffff:203.0.113.7", undefined)).toBe("203.0.113.7");
  });

  it("is the nearest untrusted hop when the peer is a trusted proxy", () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1, 10.0.0.0/8";
    // the client wrote "1.1.1.1"; the outer proxy (10.0.0.5) saw 198.51.100.4; the inner one is the peer
    expect(resolveClientAddress("127.0.0.1", "1.1.1.1, 198.51.100.4, 10.0.0.5")).toBe("198.51.100.4");
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.4")).toBe("198.51.100.4");
    // an untrusted peer's header is ignored
    expect(resolveClientAddress("198.51.100.9", "1.1.1.1")).toBe("198.51.100.9");
    // garbage from the client side: fall back to the peer rather than guess
    expect(resolveClientAddress("127.0.0.1", "not-an-ip")).toBe("127.0.0.1");
    // only trusted hops: the left-most
    expect(resolveClientAddress("127.0.0.1", "10.1.1.1, 10.2.2.2")).toBe("10.1.1.1");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an IP or CIDR", () => {
    process.env.TRUSTED_PROXIES = "127.0.0.1,proxy.local";
    expect(() => trustedProxies()).toThrow(/proxy\.local/);
    process.env.TRUSTED_PROXIES = "10.0.0.0/33";
    expect(() => trustedProxies()).toThrow(/10\.0\.0\.0\/33/);
  });

  it("is read only from this process's stamp; a client's copy of the header counts as unstamped", () => {
    const forged = new Request("http://x/", { headers: { [CLIENT_ADDRESS_HEADER]: "guess 1.2.3.4" } });
    expect(clientAddress(forged)).toBe("unstamped");
    const incoming = {
      headers: { [CLIENT_ADDRESS_HEADER]: "guess 1.2.3.4" },
      socket: { remoteAddress: "198.51.100.4" },
    } as unknown as IncomingMessage;
    stampClientAddress(incoming);
    const stamped = new Request("http://x/", { headers: { [CLIENT_ADDRESS_HEADER]: incoming.headers[CLIENT_ADDRESS_HEADER] as string } });
    expect(clientAddress(stamped)).toBe("198.51.100.4");
  });
});
