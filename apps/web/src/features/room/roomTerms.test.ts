import { hashDealTerms, hashPrivateDetails, hashTerms, serializePublicTerms } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { encodeTerms, legacyRoomDealLinkPath, roomDealLinkPath } from "@/lib/termsLink";
import { termsSummary, viewRoomTerms } from "./roomTerms";

const pub = serializePublicTerms({ pricePerUnit: "0.9", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "", maxFiat: "", notes: "<b>hi</b>" });
const priv = "IBAN DE00 ✓";
const termsHash = hashDealTerms(pub, priv);
const fragment = (path: string) => path.slice(path.indexOf("#"));

describe("viewRoomTerms", () => {
  it("verifies a v3 link's public terms with the private hash alone; the link never carries the details", () => {
    const path = roomDealLinkPath(3n, pub, hashPrivateDetails(priv));
    expect(path).not.toMatch(/priv=/);
    expect(path).not.toContain(encodeTerms(priv));
    const view = viewRoomTerms(fragment(path), termsHash, null);
    expect(view).toMatchObject({ kind: "v2", verified: true, source: "link", legacyPrivateLink: false });
    expect("privateDetails" in view).toBe(false);
    expect(termsSummary(view)).toEqual({ price: "0.9 EUR", method: "SEPA" });
  });

  it("still opens an old link with the details, flagged so the page can warn", () => {
    const view = viewRoomTerms(fragment(legacyRoomDealLinkPath(3n, pub, priv)), termsHash, null);
    expect(view).toMatchObject({ kind: "v2", verified: true, privateDetails: priv, legacyPrivateLink: true });
    expect(viewRoomTerms(fragment(legacyRoomDealLinkPath(3n, pub, "IBAN other")), termsHash, null)).toMatchObject({ verified: false });
  });

  it("adds the seller's own copy of the details only when it matches the hash", () => {
    const server = { dealId: "3", publicTerms: pub, privateDetailsHash: hashPrivateDetails(priv), termsHash };
    expect(viewRoomTerms("", termsHash, server, priv)).toMatchObject({ privateDetails: priv });
    expect("privateDetails" in viewRoomTerms("", termsHash, server, "IBAN other")).toBe(false);
  });

  it("verifies the server's public terms with only the private hash, and refuses a lying server", () => {
    const server = { dealId: "3", publicTerms: pub, privateDetailsHash: hashPrivateDetails(priv), termsHash };
    const view = viewRoomTerms("", termsHash, server);
    expect(view).toMatchObject({ kind: "v2", verified: true, source: "server" });
    expect("privateDetails" in view && view.privateDetails).toBeFalsy();
    const lie = { ...server, publicTerms: pub.replace("0.9", "0.1") };
    expect(viewRoomTerms("", termsHash, lie)).toMatchObject({ verified: false });
    expect(termsSummary(viewRoomTerms("", termsHash, lie))).toBeUndefined();
  });

  it("keeps v1 links working", () => {
    expect(viewRoomTerms(`#terms=${encodeTerms("Pay 5 EUR")}`, hashTerms("Pay 5 EUR"), null)).toEqual({
      kind: "v1",
      text: "Pay 5 EUR",
      verified: true,
    });
    expect(viewRoomTerms("#pub=AAAA", termsHash, null).kind).toBe("invalid");
    expect(viewRoomTerms("#pub=AAAA&ph=0x12", termsHash, null).kind).toBe("invalid");
    expect(viewRoomTerms(null, termsHash, undefined).kind).toBe("none");
  });
});
