import { hashTerms } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { encodeTerms } from "@/lib/termsLink";
import { checkTerms } from "./legacyTerms";

const text = "Pay 100 EUR by SEPA, reference PEERLOCK-12";

describe("checkTerms", () => {
  it("matches when the link's text hashes to the on-chain termsHash", () => {
    expect(checkTerms(`#terms=${encodeTerms(text)}`, hashTerms(text))).toEqual({ kind: "matches", text });
  });

  it("flags text that was changed", () => {
    expect(checkTerms(`#terms=${encodeTerms(text + " ")}`, hashTerms(text)).kind).toBe("mismatch");
  });

  it("says when the link has no terms or broken ones", () => {
    expect(checkTerms("", hashTerms(text))).toEqual({ kind: "none" });
    expect(checkTerms("#terms=***", hashTerms(text)).kind).toBe("invalid");
  });
});
