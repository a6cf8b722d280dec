import { hashDealTerms, NATIVE_ETH, type OpenDealArgs, serializePublicTerms } from "@peerlock/sdk";
import { zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { checkDealForm, parseFeeBps, type DealFormInput } from "./dealForm";

const me = "0x1000000000000000000000000000000000000001" as Address;
const arbiter = "0x3000000000000000000000000000000000000003" as Address;
const buyer = "0x2000000000000000000000000000000000000002" as Address;

const terms = { pricePerUnit: "2500", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "", maxFiat: "", notes: "" };
const form = (over: Partial<DealFormInput> = {}): DealFormInput => ({
  token: NATIVE_ETH,
  amountText: "2",
  buyerText: "",
  arbiterText: arbiter,
  feeText: "1.5",
  windowText: "2",
  windowUnit: "hours",
  publicTerms: terms,
  privateDetails: "IBAN DE89…",
  account: me,
  balance: 10n ** 19n,
  ...over,
});

describe("parseFeeBps", () => {
  it("turns percent into basis points within the contract limit", () => {
    expect(parseFeeBps("1.5")).toEqual({ ok: true, bps: 150 });
    expect(parseFeeBps("")).toEqual({ ok: true, bps: 0 });
    expect(parseFeeBps("10")).toEqual({ ok: true, bps: 1_000 });
    expect(parseFeeBps("10.01").ok).toBe(false);
    expect(parseFeeBps("0.001").ok).toBe(false);
  });
});

describe("checkDealForm", () => {
  it("builds openDeal arguments with the terms hash", () => {
    // openDeal(token, amount, buyer, arbiter, arbiterFeeBps, paymentWindow, termsHash)
    const expected: OpenDealArgs = [
      zeroAddress,
      2n * 10n ** 18n,
      zeroAddress,
      arbiter,
      150,
      7_200,
      hashDealTerms(serializePublicTerms(terms), "IBAN DE89…"),
    ];
    expect(checkDealForm(form()).args).toEqual(expected);
  });

  it("applies the contract's arbiter and buyer rules", () => {
    expect(checkDealForm(form({ arbiterText: me })).errors.arbiter).toMatch(/someone else/);
    expect(checkDealForm(form({ buyerText: arbiter })).errors.arbiter).toMatch(/cannot be the buyer/);
    expect(checkDealForm(form({ buyerText: me })).errors.buyer).toMatch(/your own deal/);
    expect(checkDealForm(form({ arbiterText: "" })).blockers).toContain("Name an arbiter both sides trust.");
    expect(checkDealForm(form({ buyerText: buyer })).args?.[2]).toBe(buyer);
  });

  it("keeps the payment window within 5 minutes and 30 days", () => {
    expect(checkDealForm(form({ windowText: "4", windowUnit: "minutes" })).errors.window).toMatch(/between 5 minutes and 30 days/);
    expect(checkDealForm(form({ windowText: "5", windowUnit: "minutes" })).args?.[5]).toBe(300);
    expect(checkDealForm(form({ windowText: "30", windowUnit: "days" })).args?.[5]).toBe(2_592_000);
    expect(checkDealForm(form({ windowText: "31", windowUnit: "days" })).args).toBeUndefined();
    expect(checkDealForm(form({ windowText: "1.5" })).errors.window).toBeDefined();
  });

  it("needs terms and enough balance", () => {
    expect(checkDealForm(form({ publicTerms: { ...terms, paymentMethod: " " } })).errors.terms).toMatch(/payment method/);
    expect(checkDealForm(form({ publicTerms: { ...terms, pricePerUnit: "" } })).args).toBeUndefined();
    expect(checkDealForm(form({ privateDetails: " " })).errors.privateDetails).toBeDefined();
    expect(checkDealForm(form({ balance: 10n ** 18n })).blockers[0]).toMatch(/less than the amount/);
  });
});
