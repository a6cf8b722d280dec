import { describe, expect, it } from "vitest";
import { addRelay, relayStateWords, removeRelay } from "./relayList";

describe("addRelay", () => {
  it("refuses a plain ws:// relay on an https page, in words, and takes it on http", () => {
    expect(addRelay([], [], "ws://relay.example", true)).toEqual({
      ok: false,
      error: "This page is served over https, so your browser only reaches wss:// relays. Use the relay's wss:// address.",
    });
    expect(addRelay([], [], "wss://relay.example", true)).toEqual({ ok: true, added: ["wss://relay.example"] });
    expect(addRelay([], [], "ws://127.0.0.1:7447", false)).toEqual({ ok: true, added: ["ws://127.0.0.1:7447"] });
  });
  it("adds a relay address, normalized", () => {
    expect(addRelay([], [], " wss://relay.example/ ")).toEqual({ ok: true, added: ["wss://relay.example"] });
  });

  it("refuses, in words, an empty or non-relay address and one already in force", () => {
    expect(addRelay([], [], "")).toEqual({ ok: false, error: "Type a relay address first (wss://…)." });
    expect(addRelay([], [], "https://relay.example")).toMatchObject({ ok: false, error: expect.stringMatching(/starts with wss:\/\//) });
    expect(addRelay([], [], "not a url")).toEqual({ ok: false, error: "That is not a relay address (wss://…)." });
    expect(addRelay([], ["wss://fixed.example"], "wss://fixed.example/")).toEqual({ ok: false, error: "This app already uses that relay." });
    expect(addRelay(["wss://mine.example"], [], "wss://mine.example")).toEqual({ ok: false, error: "You already added that relay." });
  });
});

describe("removeRelay", () => {
  it("removes only that relay", () => {
    expect(removeRelay(["wss://a.example", "wss://b.example"], "wss://a.example")).toEqual(["wss://b.example"]);
  });
});

describe("relayStateWords", () => {
  it("says how each relay is doing, with the reason when it is not open", () => {
    expect(relayStateWords({ url: "wss://a", status: "open", received: 1 })).toBe("Open (1 event received)");
    expect(relayStateWords({ url: "wss://a", status: "retrying", reason: "cannot connect", received: 0 })).toBe("Retrying: cannot connect");
    expect(relayStateWords({ url: "wss://a", status: "cut-off", reason: "Cut off: it sent more than 10 events in 60 s.", received: 10 })).toBe(
      "Cut off: it sent more than 10 events in 60 s.",
    );
    expect(relayStateWords(undefined)).toBe("Not connected yet");
  });
});
