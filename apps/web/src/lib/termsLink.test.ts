import { describe, expect, it } from "vitest";
import { dealLinkPath, decodeTerms, encodeTerms, termsFromHash } from "./termsLink";
import { parseId } from "./ids";

describe("terms in the share link", () => {
  it("round-trips any UTF-8 text, including emoji and newlines", () => {
    for (const text of ["", "Pay 100 EUR to IBAN DE89 3704 0044 0532 0130 00", "Zahlung: 100 € ✓\n2nd line 🚀", "a+b/c=?"]) {
      expect(decodeTerms(encodeTerms(text))).toEqual({ kind: "ok", text });
    }
  });

  it("uses the URL-safe alphabet without padding", () => {
    const encoded = encodeTerms("??>>");
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("reads the terms param from a hash and ignores others", () => {
    const hash = `#x=1&terms=${encodeTerms("hello")}`;
    expect(termsFromHash(hash)).toEqual({ kind: "ok", text: "hello" });
    expect(termsFromHash("")).toEqual({ kind: "none" });
    expect(termsFromHash("#other=1")).toEqual({ kind: "none" });
  });

  it("reports malformed encodings instead of throwing", () => {
    expect(termsFromHash("#terms=%%%").kind).toBe("invalid");
    expect(decodeTerms("abcde").kind).toBe("invalid"); // impossible length
    expect(decodeTerms("_w").kind).toBe("invalid"); // 0xff: not UTF-8
    expect(decodeTerms("a b").kind).toBe("invalid");
  });

  it("builds deal links with and without terms", () => {
    expect(dealLinkPath(12n)).toBe("/deals/12");
    expect(dealLinkPath(12n, "hi")).toBe(`/deals/12#terms=${encodeTerms("hi")}`);
  });
});

describe("parseId", () => {
  it("accepts positive decimal ids", () => {
    expect(parseId("1")).toBe(1n);
    expect(parseId("123456789012345678901234567890")).toBe(123456789012345678901234567890n);
  });

  it("rejects everything else", () => {
    for (const raw of [undefined, "", "0", "-1", "01", "1.5", "0x10", "abc", "1e3", "9".repeat(79), "%E0%A4%A"]) {
      expect(parseId(raw)).toBeNull();
    }
  });

  it("rejects ids above uint256", () => {
    expect(parseId((2n ** 256n).toString())).toBeNull();
    expect(parseId((2n ** 256n - 1n).toString())).toBe(2n ** 256n - 1n);
  });
});
