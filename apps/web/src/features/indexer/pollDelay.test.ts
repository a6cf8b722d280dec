import { describe, expect, it } from "vitest";
import { createFailureCounter, indexerPollDelay } from "./pollDelay";

describe("indexerPollDelay", () => {
  it("polls every 4 s while the indexer answers, and backs off exponentially to a minute while it does not", () => {
    expect([0, 1, 2, 3, 4, 5, 10].map(indexerPollDelay)).toEqual([4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});

describe("createFailureCounter", () => {
  it("counts failures in a row and starts over after an answer", async () => {
    const counter = createFailureCounter();
    const fail = () => Promise.reject(new Error("Failed to fetch"));
    await expect(counter.track(fail)).rejects.toThrow("Failed to fetch");
    await expect(counter.track(fail)).rejects.toThrow();
    expect(counter.failures()).toBe(2);
    await expect(counter.track(() => Promise.resolve(7))).resolves.toBe(7);
    expect(counter.failures()).toBe(0);
  });
});
