// SignedSwap and two test tokens on the server suites' Hardhat node, plus the on-chain moves the
// order-book tests make: balances, approvals, real fills, cancels and nonce invalidations.
import { hashOrder, type SignedOrder, signedSwapAbi, signOrder, testTokenAbi } from "@peerlock/sdk";
import { type Address, encodeFunctionData, type Hex, maxUint256, parseUnits, zeroAddress } from "viem";
import type { LocalAccount } from "viem/accounts";
import { accounts, CHAIN_ID, deploy, publicClient, walletFor } from "../shared/chain";

/** Accounts 6..9 are the book's (the room tests use 0..5). */
export const [maker, otherMaker, taker, poorMaker] = [accounts[6]!, accounts[7]!, accounts[8]!, accounts[9]!];

export async function deployOrderbookContracts(): Promise<{ signedSwap: Address; sellToken: Address; buyToken: Address }> {
  const signedSwap = await deploy("src/SignedSwap.sol/SignedSwap.json");
  const sellToken = await deploy("dev/TestToken.sol/TestToken.json", ["Book Sell", "tSELL", 18]);
  const buyToken = await deploy("dev/TestToken.sol/TestToken.json", ["Book Buy", "tBUY", 6]);
  return { signedSwap, sellToken, buyToken };
}

export const units = (value: string, decimals = 18) => parseUnits(value, decimals);

const indexOf = (account: LocalAccount) => accounts.findIndex((a) => a.address === account.address);
const wait = (hash: Hex) => publicClient.waitForTransactionReceipt({ hash });

export async function mint(token: Address, to: Address, amount: bigint): Promise<void> {
  await wait(await walletFor(0).writeContract({ address: token, abi: testTokenAbi, functionName: "mint", args: [to, amount] }));
}

export async function approve(account: LocalAccount, token: Address, spender: Address, amount = maxUint256): Promise<void> {
  await wait(
    await walletFor(indexOf(account)).writeContract({ address: token, abi: testTokenAbi, functionName: "approve", args: [spender, amount] }),
  );
}

export async function transfer(account: LocalAccount, token: Address, to: Address, amount: bigint): Promise<void> {
  await wait(await walletFor(indexOf(account)).writeContract({ address: token, abi: testTokenAbi, functionName: "transfer", args: [to, amount] }));
}

export async function balanceOf(token: Address, who: Address): Promise<bigint> {
  return publicClient.readContract({ address: token, abi: testTokenAbi, functionName: "balanceOf", args: [who] });
}

/** A smart-contract wallet (OwnedSmartWallet) approving `spender` through its owner's `execute`. */
export async function walletApprove(owner: LocalAccount, wallet: Address, token: Address, spender: Address): Promise<void> {
  const data = encodeFunctionData({ abi: testTokenAbi, functionName: "approve", args: [spender, maxUint256] });
  const abi = [
    {
      type: "function",
      name: "execute",
      stateMutability: "payable",
      inputs: [{ type: "address" }, { type: "uint256" }, { type: "bytes" }],
      outputs: [{ type: "bytes" }],
    },
  ] as const;
  await wait(await walletFor(indexOf(owner)).writeContract({ address: wallet, abi, functionName: "execute", args: [token, 0n, data] }));
}

let nextNonce = 1_000n;
/** Nonces unique for the whole run (both databases share one chain). */
export const freshNonce = () => nextNonce++;

export type OrderTerms = Partial<SignedOrder> & { maker: Address; sellToken: Address; buyToken: Address };

export function makeOrder(terms: OrderTerms): SignedOrder {
  return { taker: zeroAddress, sellAmount: units("10"), buyAmount: units("25", 6), expiry: 0n, nonce: freshNonce(), partialFills: false, ...terms };
}

/** Signs `order` for `signedSwap` on the test chain (or the venue given), as `signer`. */
export function sign(signer: LocalAccount, order: SignedOrder, signedSwap: Address, chainId = CHAIN_ID) {
  return signOrder(signer, order, { chainId, verifyingContract: signedSwap });
}

/** A real fill on chain by `by`: `sellAmount` of the order (all of it by default). */
export async function fillOrder(
  by: LocalAccount,
  signedSwap: Address,
  order: SignedOrder,
  signature: Hex,
  sellAmount = order.sellAmount,
): Promise<void> {
  await wait(
    await walletFor(indexOf(by)).writeContract({
      address: signedSwap,
      abi: signedSwapAbi,
      functionName: "fillOrder",
      args: [order, signature, sellAmount],
    }),
  );
}

export async function cancelNonces(by: LocalAccount, signedSwap: Address, nonces: bigint[]): Promise<void> {
  await wait(await walletFor(indexOf(by)).writeContract({ address: signedSwap, abi: signedSwapAbi, functionName: "cancel", args: [nonces] }));
}

export async function invalidateNonces(by: LocalAccount, signedSwap: Address, wordPos: bigint, mask: bigint): Promise<void> {
  await wait(
    await walletFor(indexOf(by)).writeContract({ address: signedSwap, abi: signedSwapAbi, functionName: "invalidateNonces", args: [wordPos, mask] }),
  );
}

export const orderHashOf = (order: SignedOrder, signedSwap: Address) =>
  hashOrder(order, { chainId: CHAIN_ID, verifyingContract: signedSwap }).toLowerCase();
