import { describe, expect, it } from "vitest";
import { parseSelection } from "./selection";

const key = `0x${"ab".repeat(32)}` as const;

describe("parseSelection", () => {
  it("reads a Hardhat account index and a fresh key", () => {
    expect(parseSelection(JSON.stringify({ kind: "hardhat", index: 3 }))).toEqual({ kind: "hardhat", index: 3 });
    expect(parseSelection(JSON.stringify({ kind: "fresh", privateKey: key }))).toEqual({ kind: "fresh", privateKey: key });
  });

  it("refuses anything else instead of throwing", () => {
    for (const raw of [
      null,
      "",
      "not json",
      "42",
      JSON.stringify({ kind: "hardhat", index: -1 }),
      JSON.stringify({ kind: "hardhat", index: 20 }),
      JSON.stringify({ kind: "hardhat", index: 1.5 }),
      JSON.stringify({ kind: "fresh", privateKey: "0x1234" }),
      JSON.stringify({ kind: "fresh", privateKey: `0x${"zz".repeat(32)}` }),
      JSON.stringify({ kind: "other" }),
    ]) {
      expect(parseSelection(raw)).toBeUndefined();
    }
  });
});
