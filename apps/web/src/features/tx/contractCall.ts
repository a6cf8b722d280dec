import type { WriteMutability } from "@peerlock/sdk";
import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, ContractFunctionParameters, GetValue } from "viem";

declare const checked: unique symbol;

/**
 * One contract call of a transaction plan, as `contractCall()` checked it against its ABI. The
 * brand means a plan cannot hold a call built any other way, so every call site is type-checked.
 */
export type ContractCall = {
  readonly [checked]: true;
  /** What the person reads for this step ("Create offer"). */
  step: string;
  address: Address;
  abi: Abi;
  functionName: string;
  args: readonly unknown[];
  value?: bigint;
};

/** viem's typed contract-call parameters for a write, plus the step's name. */
export type ContractCallParameters<
  abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
> = ContractFunctionParameters<abi, WriteMutability, functionName, args> & GetValue<abi, functionName> & { step: string };

/**
 * Checks a call at compile time the way viem's `writeContract` does: `functionName` must be a
 * state-changing function of `abi`, `args` its exact argument types, and `value` only for a
 * payable function. Returns it as a plan step for `useTransaction`.
 */
export function contractCall<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, WriteMutability>,
  const args extends ContractFunctionArgs<abi, WriteMutability, functionName>,
>(call: ContractCallParameters<abi, functionName, args>): ContractCall {
  return call as unknown as ContractCall;
}
