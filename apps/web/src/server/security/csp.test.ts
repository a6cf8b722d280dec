import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("contentSecurityPolicy", () => {
  const csp = contentSecurityPolicy({ nonce: "abc", rpcUrl: "http://127.0.0.1:8545/", walletConnect: false, dev: false });

  it("runs only nonced scripts, never inline or eval in production, and cannot be framed", () => {
    expect(directive(csp, "script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(directive(csp, "script-src")).not.toMatch(/unsafe-inline/);
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
  });

  it("lets the app reach its node and indexer, and WalletConnect only when configured", () => {
    expect(directive(csp, "connect-src")).toBe("connect-src 'self' http://127.0.0.1:8545 wss:");
    const indexed = contentSecurityPolicy({
      nonce: "n",
      rpcUrl: "http://127.0.0.1:8545",
      indexerUrl: "http://localhost:42069/",
      walletConnect: false,
      dev: false,
    });
    expect(directive(indexed, "connect-src")).toBe("connect-src 'self' http://127.0.0.1:8545 http://localhost:42069 wss:");
    const wc = contentSecurityPolicy({ nonce: "n", rpcUrl: "https://rpc.example/v1", walletConnect: true, dev: true });
    expect(directive(wc, "connect-src")).toMatch(/wss:\/\/\*\.walletconnect\.org/);
    expect(directive(wc, "script-src")).toMatch(/'unsafe-eval'/);
  });

  it("lets the app reach any wss:// relay (users add their own), and ws:// only when the deployment runs a plain one", () => {
    const local = contentSecurityPolicy({
      nonce: "n",
      rpcUrl: "http://127.0.0.1:8545",
      relays: ["ws://127.0.0.1:7447"],
      walletConnect: false,
      dev: false,
    });
    expect(directive(local, "connect-src")).toBe("connect-src 'self' http://127.0.0.1:8545 wss: ws:");
    const remote = contentSecurityPolicy({
      nonce: "n",
      rpcUrl: "http://127.0.0.1:8545",
      relays: ["wss://relay.example"],
      walletConnect: false,
      dev: false,
    });
    expect(directive(remote, "connect-src")).not.toMatch(/ ws:/);
  });
});
