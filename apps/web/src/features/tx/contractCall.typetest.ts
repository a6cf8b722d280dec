// Type-level tests, checked by `tsc` in `pnpm --filter web typecheck` (never run): a call that
// does not match the escrows' ABIs must fail to compile. Each @ts-expect-error fails the
// typecheck if its line ever compiles.
import { dealEscrowAbi, swapEscrowAbi, testTokenAbi, type CreateOfferArgs, type OpenDealArgs } from "@peerlock/sdk";
import { zeroAddress } from "viem";
import { contractCall, type ContractCall } from "./contractCall";
import type { TxPlan } from "./useTransaction";

const escrow = zeroAddress;
const hash = `0x${"00".repeat(32)}` as const;

export const wellTyped: ContractCall[] = [
  contractCall({
    step: "Create offer",
    address: escrow,
    abi: swapEscrowAbi,
    functionName: "createOffer",
    args: [zeroAddress, 1n, zeroAddress, 2n, zeroAddress, 0n, true],
    value: 1n,
  }),
  contractCall({ step: "Fill", address: escrow, abi: swapEscrowAbi, functionName: "fillOffer", args: [1n, 1n] }),
  contractCall({ step: "Resolve", address: escrow, abi: dealEscrowAbi, functionName: "resolve", args: [1n, 5_000] }),
  contractCall({ step: "Faucet", address: escrow, abi: testTokenAbi, functionName: "faucet", args: [] }),
];

// @ts-expect-error a misspelled function name
contractCall({ step: "x", address: escrow, abi: swapEscrowAbi, functionName: "createOfer", args: [] });

// @ts-expect-error a view function is not a transaction
contractCall({ step: "x", address: escrow, abi: swapEscrowAbi, functionName: "getOffer", args: [1n] });

// @ts-expect-error an argument of the wrong type (the offer id is a uint256, a bigint)
contractCall({ step: "x", address: escrow, abi: swapEscrowAbi, functionName: "cancelOffer", args: ["1"] });

// @ts-expect-error a missing argument
contractCall({ step: "x", address: escrow, abi: dealEscrowAbi, functionName: "resolve", args: [1n] });

// @ts-expect-error value on a non-payable function
contractCall({ step: "x", address: escrow, abi: dealEscrowAbi, functionName: "release", args: [1n], value: 1n });

export const untypedPlan: TxPlan = {
  // @ts-expect-error a plan only takes calls that went through contractCall()
  calls: [{ step: "x", address: escrow, abi: swapEscrowAbi, functionName: "cancelOffer", args: [1n] }],
};

// The SDK's argument types are the ABI's tuples.
export const offerArgs: CreateOfferArgs = [zeroAddress, 1n, zeroAddress, 2n, zeroAddress, 0n, false];
export const dealArgs: OpenDealArgs = [zeroAddress, 1n, zeroAddress, zeroAddress, 100, 3600, hash];
// @ts-expect-error arguments out of order (amount and token swapped)
export const swapped: OpenDealArgs = [1n, zeroAddress, zeroAddress, zeroAddress, 100, 3600, hash];
