import { type CreateOfferArgs, encodeOrderLink, NATIVE_ETH, type SignedOrderWithSignature } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { getAddress, zeroAddress } from "viem";
import { readNonceFloor, recordSignedNonce } from "./nonceFloor";
import { orderFromForm, readOrderFragment, remainingOf, signedOfferTokenError, venueMismatch } from "./signedOffer";

const contract = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
const maker = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const tokenA = { address: getAddress("0x00000000000000000000000000000000000000a1"), symbol: "A", name: "A", decimals: 18 };
const tokenB = { address: getAddress("0x00000000000000000000000000000000000000b2"), symbol: "B", name: "B", decimals: 6 };
// createOffer(sellToken, sellAmount, buyToken, buyAmount, taker, expiry, partialFills)
const args: CreateOfferArgs = [tokenA.address, 10n, tokenB.address, 25n, zeroAddress, 0n, true];
const signed: SignedOrderWithSignature = {
  chainId: 31337,
  verifyingContract: contract,
  order: orderFromForm(args, maker, 4n),
  signature: `0x${"11".repeat(65)}`,
};

describe("signed offers in the app", () => {
  it("refuses ETH on either leg", () => {
    expect(signedOfferTokenError(NATIVE_ETH, tokenB)).toMatch(/ERC-20 tokens only/);
    expect(signedOfferTokenError(tokenA, NATIVE_ETH)).toMatch(/WETH/);
    expect(signedOfferTokenError(tokenA, tokenB)).toBeUndefined();
  });

  it("reads an order from the page fragment, and explains a bad one", () => {
    expect(readOrderFragment(`#${encodeOrderLink(signed)}`)).toEqual({ ok: true, signed });
    expect(readOrderFragment("")).toMatchObject({ ok: false, error: expect.stringMatching(/missing/) });
    expect(readOrderFragment("#abc")).toMatchObject({ ok: false, error: expect.stringMatching(/^This offer link/) });
  });

  it("names an order for another chain or contract", () => {
    expect(venueMismatch(signed, 31337, contract)).toBeUndefined();
    expect(venueMismatch(signed, 1, contract)).toMatch(/chain 31337/);
    expect(venueMismatch(signed, 31337, tokenA.address)).toMatch(/another SignedSwap/);
    expect(venueMismatch(signed, 31337, undefined)).toMatch(/another SignedSwap/);
  });

  it("what is left: nothing once the nonce is used", () => {
    expect(remainingOf(signed.order, 3n, false)).toBe(7n);
    expect(remainingOf(signed.order, 3n, true)).toBe(0n);
    expect(remainingOf({ ...signed.order, partialFills: false }, 0n, false)).toBe(10n);
  });

  it("remembers the next nonce per chain, contract and maker, never moving back", () => {
    const map = new Map<string, string>();
    const store = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    expect(readNonceFloor(store, 31337, contract, maker)).toBe(0n);
    recordSignedNonce(store, 31337, contract, maker, 4n);
    recordSignedNonce(store, 31337, contract, maker, 2n);
    expect(readNonceFloor(store, 31337, contract, maker)).toBe(5n);
    expect(readNonceFloor(store, 1, contract, maker)).toBe(0n);
    expect(readNonceFloor(undefined, 31337, contract, maker)).toBe(0n);
  });
});
