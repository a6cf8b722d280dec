import type { OrderProblem, SignedOrder } from "@peerlock/sdk";
import { describe, expect, it } from "vitest";
import { relayOrderVerdict } from "./relayOrderVerdict";

const order = {
  maker: "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  taker: "0x0000000000000000000000000000000000000000",
  sellToken: "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9",
  sellAmount: 100n,
  buyToken: "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707",
  buyAmount: 200n,
  expiry: 0n,
  nonce: 1n,
  partialFills: true,
} as const satisfies SignedOrder;
const ok = { signatureValid: true, filled: 0n, nonceUsed: false, problems: [] as OrderProblem[] };
const problem = (name: OrderProblem["name"]): OrderProblem => ({ name, message: `${name}.` });

describe("relayOrderVerdict", () => {
  it("shows an order with a valid signature, no problem and something left, with what is left", () => {
    expect(relayOrderVerdict(order, { ...ok, filled: 30n })).toEqual({ ok: true, remaining: 70n });
  });

  it("forgets for good a bad signature, a used nonce, a full fill and final check problems", () => {
    expect(relayOrderVerdict(order, { ...ok, signatureValid: false })).toMatchObject({ ok: false, final: true });
    expect(relayOrderVerdict(order, { ...ok, nonceUsed: true })).toMatchObject({ ok: false, final: true });
    expect(relayOrderVerdict(order, { ...ok, filled: 100n })).toMatchObject({ ok: false, final: true });
    for (const name of ["OrderExpired", "NonceUsed", "InvalidSignature"] as const) {
      expect(relayOrderVerdict(order, { ...ok, problems: [problem(name)] })).toMatchObject({ ok: false, final: true });
    }
  });

  it("looks again later at an order the maker cannot cover now", () => {
    expect(relayOrderVerdict(order, { ...ok, problems: [problem("MakerBalanceLow")] })).toEqual({
      ok: false,
      final: false,
      reason: "MakerBalanceLow.",
    });
    expect(relayOrderVerdict(order, { ...ok, problems: [problem("MakerAllowanceLow"), problem("OrderExpired")] })).toMatchObject({ final: true });
  });
});
