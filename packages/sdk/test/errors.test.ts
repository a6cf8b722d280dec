import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type Abi,
  BaseError,
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  HttpRequestError,
  InsufficientFundsError,
  TransactionExecutionError,
  UserRejectedRequestError,
  zeroAddress,
} from "viem";
import { dealEscrowAbi, decodePeerlockError, peerlockErrorNames, signedSwapAbi, swapEscrowAbi, testTokenAbi } from "@peerlock/sdk";

type AbiError = { type: "error"; name: string; inputs: readonly { type: string }[] };

const errorsOf = (abi: Abi) => abi.filter((item): item is AbiError & Abi[number] => item.type === "error");
const sampleArgs = (e: AbiError) => e.inputs.map((i) => (i.type === "address" ? zeroAddress : 1n));

function reverted(abi: Abi, e: AbiError) {
  const data = encodeErrorResult({ abi, errorName: e.name, args: sampleArgs(e) });
  return revertedWith(abi, data);
}

// A no-argument function keeps viem's error formatting from needing call arguments.
function revertedWith(abi: Abi, data: `0x${string}`) {
  const functionName = abi === (swapEscrowAbi as Abi) ? "offerCount" : "dealCount";
  const cause = new ContractFunctionRevertedError({ abi, data, functionName });
  return new ContractFunctionExecutionError(cause, { abi, functionName, args: [] });
}

describe("decodePeerlockError", () => {
  for (const [label, abi] of [
    ["SwapEscrow", swapEscrowAbi],
    ["DealEscrow", dealEscrowAbi],
    ["SignedSwap", signedSwapAbi],
  ] as const) {
    for (const e of errorsOf(abi as Abi)) {
      test(`${label}.${e.name} becomes a plain sentence`, () => {
        const decoded = decodePeerlockError(reverted(abi as Abi, e));
        assert.equal(decoded.kind, "contract");
        assert.equal(decoded.name, e.name);
        assert.match(decoded.message, /^[A-Z].*\.$/);
        assert.doesNotMatch(decoded.message, /0x[0-9a-f]{8}\b(?![0-9a-f])/i, "no raw selectors");
      });
    }
  }

  for (const e of errorsOf(testTokenAbi as Abi)) {
    test(`the ERC-6093 token error ${e.name} is decoded from raw revert data`, () => {
      const data = encodeErrorResult({ abi: testTokenAbi as Abi, errorName: e.name, args: sampleArgs(e) });
      const decoded = decodePeerlockError(revertedWith(swapEscrowAbi as Abi, data));
      assert.equal(decoded.name, e.name);
      assert.match(decoded.message, /^[A-Z].*[.:]/);
    });
  }

  test("every error in the ABIs has a message, and no message is for an error that does not exist", () => {
    const all = [
      ...errorsOf(swapEscrowAbi as Abi),
      ...errorsOf(dealEscrowAbi as Abi),
      ...errorsOf(signedSwapAbi as Abi),
      ...errorsOf(testTokenAbi as Abi),
    ];
    const inAbis = new Set(all.map((e) => e.name));
    assert.deepEqual(new Set(peerlockErrorNames), inAbis);
  });

  test("decodes raw revert data that reached us without the ABI", () => {
    const data = encodeErrorResult({ abi: swapEscrowAbi, errorName: "OfferExpired" });
    const raw = new BaseError("execution reverted", { cause: Object.assign(new Error("reverted"), { data }) as never });
    const wrapped = Object.assign(raw, { data });
    assert.equal(decodePeerlockError(wrapped).name, "OfferExpired");
  });

  test("UnsupportedToken names the token", () => {
    const abi = swapEscrowAbi as Abi;
    const token = "0x00000000000000000000000000000000000000aa";
    const data = encodeErrorResult({ abi, errorName: "UnsupportedToken", args: [token] });
    assert.match(decodePeerlockError(revertedWith(abi, data)).message, /0x00000000000000000000000000000000000000aa/i);
  });

  test("a wallet rejection (EIP-1193 4001) is a calm cancel", () => {
    const error = new TransactionExecutionError(new UserRejectedRequestError(new Error("User denied")), {} as never);
    assert.equal(decodePeerlockError(error).kind, "rejected");
  });

  test("an EIP-5792 rejection (5750) is a calm cancel too", () => {
    assert.equal(decodePeerlockError({ code: 5750, message: "rejected" }).kind, "rejected");
    assert.equal(decodePeerlockError(Object.assign(new Error("x"), { cause: { code: 4001 } })).kind, "rejected");
  });

  test("an unknown revert says so without a name", () => {
    const abi = swapEscrowAbi as Abi;
    const decoded = decodePeerlockError(revertedWith(abi, "0xdeadbeef"));
    assert.equal(decoded.kind, "contract");
    assert.equal(decoded.name, undefined);
    assert.match(decoded.message, /refused/);
  });

  test("insufficient funds, network failures and anything else", () => {
    assert.equal(decodePeerlockError(new InsufficientFundsError()).kind, "funds");
    assert.equal(decodePeerlockError(new HttpRequestError({ url: "http://127.0.0.1:8545" })).kind, "network");
    assert.equal(decodePeerlockError(new Error("boom")).kind, "unknown");
    assert.equal(decodePeerlockError("boom").kind, "unknown");
  });
});

test("the old names stay as aliases of the renamed decoder", async () => {
  const sdk = await import("@peerlock/sdk");
  assert.equal(sdk.decodeEscrowError, sdk.decodePeerlockError);
  assert.equal(sdk.escrowErrorNames, sdk.peerlockErrorNames);
});
