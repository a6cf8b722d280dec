import { describe, expect, it } from "vitest";
import { DEPLOYLESS_CHUNK, idChunks } from "./readBook";

describe("idChunks", () => {
  it("covers 1..count exactly once, in order, in runs of the chunk size", () => {
    const chunks = idChunks(1_000n, DEPLOYLESS_CHUNK);
    expect(chunks).toHaveLength(25);
    expect(chunks.flat()).toEqual(Array.from({ length: 1_000 }, (_, i) => BigInt(i + 1)));
    expect(chunks.every((c) => c.length <= DEPLOYLESS_CHUNK)).toBe(true);
  });

  it("handles empty books and a last partial chunk", () => {
    expect(idChunks(0n, 40)).toEqual([]);
    expect(idChunks(41n, 40).map((c) => c.length)).toEqual([40, 1]);
  });

  it("keeps each deployless result under EIP-170's 24,576-byte code limit", () => {
    // aggregate3 returns per call: offset, success, bytes offset, length (4 words) + a 10-word struct.
    expect(DEPLOYLESS_CHUNK * (4 + 10) * 32).toBeLessThan(24_576);
  });
});
