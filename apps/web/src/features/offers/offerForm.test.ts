import { type CreateOfferArgs, NATIVE_ETH, type TokenInfo } from "@peerlock/sdk";
import { zeroAddress, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { checkOfferForm, type OfferFormInput } from "./offerForm";

const usdc: TokenInfo = { address: "0xb000000000000000000000000000000000000002", symbol: "USDC", name: "U", decimals: 6 };
const me = "0x2000000000000000000000000000000000000002" as Address;

const form = (over: Partial<OfferFormInput> = {}): OfferFormInput => ({
  sell: NATIVE_ETH,
  buy: usdc,
  sellText: "1.5",
  buyText: "3000",
  takerText: "",
  expiry: { ok: true, expiry: 0n },
  partialFills: true,
  account: me,
  sellBalance: 2n * 10n ** 18n,
  ...over,
});

describe("checkOfferForm", () => {
  it("builds createOffer arguments in base units", () => {
    // createOffer(sellToken, sellAmount, buyToken, buyAmount, taker, expiry, partialFills)
    const expected: CreateOfferArgs = [zeroAddress, 15n * 10n ** 17n, usdc.address, 3_000_000_000n, zeroAddress, 0n, true];
    expect(checkOfferForm(form()).args).toEqual(expected);
  });

  it("refuses the same token on both sides", () => {
    const r = checkOfferForm(form({ buy: NATIVE_ETH }));
    expect(r.errors.tokens).toBeDefined();
    expect(r.args).toBeUndefined();
  });

  it("refuses naming yourself as taker and malformed addresses", () => {
    expect(checkOfferForm(form({ takerText: me.toLowerCase() })).errors.taker).toMatch(/yourself/);
    expect(checkOfferForm(form({ takerText: "0x123" })).errors.taker).toMatch(/not a valid address/);
  });

  it("explains a short balance before signing", () => {
    const r = checkOfferForm(form({ sellBalance: 10n ** 18n }));
    expect(r.blockers[0]).toMatch(/You hold 1 ETH, less than the 1.5 ETH/);
    expect(r.args).toBeUndefined();
  });

  it("needs a connected wallet and a valid expiry", () => {
    expect(checkOfferForm(form({ account: undefined })).blockers[0]).toMatch(/Connect/);
    expect(checkOfferForm(form({ expiry: { ok: false, error: "past" } })).errors.expiry).toBe("past");
  });

  it("shows amount errors only once something is typed", () => {
    expect(checkOfferForm(form({ sellText: "" })).errors.sellAmount).toBeUndefined();
    expect(checkOfferForm(form({ buyText: "1.0000001" })).errors.buyAmount).toMatch(/6 decimals/);
  });
});
