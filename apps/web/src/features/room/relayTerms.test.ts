import {
  hashDealTerms,
  hashPrivateDetails,
  newDealKey,
  openText,
  type RoomItem,
  SealedItemError,
  sealedFromText,
  sealedToText,
  sealText,
  serializePublicTerms,
} from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { pickSealedDetails, relayTermsFor } from "./roomTerms";

const pub = serializePublicTerms({ pricePerUnit: "0.9", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "", maxFiat: "", notes: "" });
const priv = "IBAN DE00 1234";
const termsHash = hashDealTerms(pub, priv);
const context = { chainId: 31337, escrow: "0x5FbDB2315678afecb367f032d93F642f64180aa3", dealId: 7n } as const;
const dealKey = newDealKey();
const seal = (key: Uint8Array, text: string) => sealedToText(sealText(key, text, context, "details"));
const open = (sealed: string) => {
  try {
    return { ok: true as const, value: openText(dealKey, sealedFromText(sealed), context, "details") };
  } catch (error) {
    return { ok: false as const, error: error instanceof SealedItemError ? error.message : "unreadable" };
  }
};
const termsItem = (publicTerms: string, privateDetailsHash: `0x${string}`, sealedDetails: string): RoomItem => ({
  type: "terms",
  terms: { publicTerms, privateDetailsHash, sealedDetails },
});

describe("terms from relays", () => {
  it("keeps only copies whose public text and private hash make the on-chain termsHash", () => {
    const good = termsItem(pub, hashPrivateDetails(priv), seal(dealKey, priv));
    const altered = termsItem(pub.replace("0.9", "0.1"), hashPrivateDetails(priv), seal(dealKey, priv));
    const otherHash = termsItem(pub, hashPrivateDetails("IBAN of a thief"), seal(dealKey, "IBAN of a thief"));
    const found = relayTermsFor([altered, otherHash, good], 7n, termsHash);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ dealId: "7", publicTerms: pub, termsHash });
  });

  it("reads the details from the first copy that opens and matches, skipping a relay's bad copies silently", () => {
    const forged = seal(newDealKey(), priv); // sealed with another key: does not open
    const swapped = seal(dealKey, "IBAN of a thief"); // opens, but is not what the seller committed to
    expect(pickSealedDetails(undefined, [forged, swapped, seal(dealKey, priv)], open, hashPrivateDetails(priv))).toEqual({ ok: true, value: priv });
    expect(pickSealedDetails(undefined, [forged, swapped], open, hashPrivateDetails(priv))).toBeUndefined();
  });

  it("keeps the server's error when its copy is bad and no relay copy is better", () => {
    const result = pickSealedDetails(seal(dealKey, "IBAN of a thief"), [seal(newDealKey(), priv)], open, hashPrivateDetails(priv));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/do not match/) });
    expect(pickSealedDetails(seal(dealKey, "x"), [seal(dealKey, priv)], open, hashPrivateDetails(priv))).toEqual({ ok: true, value: priv });
  });
});
