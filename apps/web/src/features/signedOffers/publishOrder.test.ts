import { describe, expect, it } from "vitest";
import { listedSomewhere, relaysWords } from "./publishOrder";

const ok = (url: string) => ({ url, ok: true, message: "" });
const refused = (url: string, message: string) => ({ url, ok: false, message });

describe("relaysWords", () => {
  it("counts the relays that accepted, naming each failure by host", () => {
    expect(relaysWords({ phase: "done", results: [ok("wss://a.example"), ok("ws://127.0.0.1:8705")] })).toBe("Relays: 2 of 2 accepted.");
    expect(relaysWords({ phase: "done", results: [ok("wss://a.example"), refused("wss://b.example/", "not connected (retrying)")] })).toBe(
      "Relays: 1 of 2 accepted (b.example: not connected (retrying)).",
    );
    expect(relaysWords({ phase: "done", results: [] })).toBe("Relays: none configured.");
    expect(relaysWords({ phase: "sending" })).toBe("Relays: sending…");
    expect(relaysWords({ phase: "failed", message: "no key" })).toBe("Relays: not sent (no key).");
  });
});

describe("listedSomewhere", () => {
  it("is listed when the book took it or at least one relay did", () => {
    expect(listedSomewhere(true, { phase: "failed", message: "x" })).toBe(true);
    expect(listedSomewhere(false, { phase: "done", results: [refused("wss://a", "down"), ok("wss://b")] })).toBe(true);
    expect(listedSomewhere(false, { phase: "done", results: [refused("wss://a", "down")] })).toBe(false);
    expect(listedSomewhere(false, { phase: "sending" })).toBe(false);
  });
});
