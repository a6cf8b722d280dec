// One deal fixture for the deal-rule tests: the three parties and a deal in any status.
import { type Deal, DealStatus } from "@peerlock/sdk";
import { type Address, type Hex, zeroAddress } from "viem";

export const seller = "0x1000000000000000000000000000000000000001" as Address;
export const buyer = "0x2000000000000000000000000000000000000002" as Address;
export const arbiter = "0x3000000000000000000000000000000000000003" as Address;

/** 1 ETH, 1 % fee, a one-hour window; a buyer and deadline once past Listed. */
export const deal = (status: number, over: Partial<Deal> = {}): Deal => ({
  seller,
  buyer: status === DealStatus.Listed ? zeroAddress : buyer,
  token: zeroAddress,
  arbiter,
  amount: 10n ** 18n,
  arbiterFeeBps: 100,
  paymentWindow: 3600,
  paymentDeadline: status === DealStatus.Listed ? 0n : 5_000n,
  status,
  termsHash: ("0x" + "11".repeat(32)) as Hex,
  ...over,
});
