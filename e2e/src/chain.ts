// Reads and nudges the local chain from Node, so journeys assert what really happened on chain
// (balances, offer and deal states) rather than only what the page says.
import {
  type Deal,
  type Deployment,
  dealEscrowAbi,
  erc20Abi,
  getDeployment,
  isNative,
  type Offer,
  type SignedOrderWithSignature,
  signedSwapAbi,
  swapEscrowAbi,
  type TokenInfo,
} from "@peerlock/sdk";
import { type Address, createPublicClient, createTestClient, createWalletClient, defineChain, http, maxUint256, zeroAddress } from "viem";
import { APP_CHAIN_ID, ROLES, type Role, rpcUrl } from "./config.ts";

const chain = defineChain({
  id: APP_CHAIN_ID,
  name: "Hardhat (e2e)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

export const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 100 });
const testClient = createTestClient({ chain, mode: "hardhat", transport: http() });

export function deployment(): Deployment {
  const found = getDeployment(APP_CHAIN_ID);
  if (!found) throw new Error(`@peerlock/sdk has no deployment for chain ${APP_CHAIN_ID}: the harness deploys before the journeys run`);
  return found;
}

export function token(symbol: string): TokenInfo {
  const found = deployment().tokens.find((t) => t.symbol === symbol);
  if (!found) throw new Error(`The local deployment has no ${symbol} token`);
  return found;
}

export async function balanceOf(tokenAddress: Address, role: Role | Address): Promise<bigint> {
  const account = role in ROLES ? ROLES[role as Role] : (role as Address);
  if (isNative(tokenAddress)) return publicClient.getBalance({ address: account });
  return publicClient.readContract({ address: tokenAddress, abi: erc20Abi, functionName: "balanceOf", args: [account] });
}

export async function allowance(tokenAddress: Address, role: Role, spender: Address): Promise<bigint> {
  return publicClient.readContract({ address: tokenAddress, abi: erc20Abi, functionName: "allowance", args: [ROLES[role], spender] });
}

/** The seed gives every dev account an unlimited approval; a journey that wants to see the approval step takes it back. */
export async function revokeApproval(tokenAddress: Address, role: Role, spender: Address): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({ address: tokenAddress, abi: erc20Abi, functionName: "approve", args: [spender, 0n] });
  await publicClient.waitForTransactionReceipt({ hash });
}

export async function approveMax(tokenAddress: Address, role: Role, spender: Address): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({ address: tokenAddress, abi: erc20Abi, functionName: "approve", args: [spender, maxUint256] });
  await publicClient.waitForTransactionReceipt({ hash });
}

/** Creates an offer straight on chain as `role` (a fixture for journeys that test something else). */
export async function createOfferAs(
  role: Role,
  offer: { sellToken: Address; sellAmount: bigint; buyToken: Address; buyAmount: bigint; expiry: bigint; partialFills: boolean },
): Promise<bigint> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({
    address: deployment().swapEscrow.address,
    abi: swapEscrowAbi,
    functionName: "createOffer",
    args: [offer.sellToken, offer.sellAmount, offer.buyToken, offer.buyAmount, zeroAddress, offer.expiry, offer.partialFills],
    value: isNative(offer.sellToken) ? offer.sellAmount : 0n,
  });
  await publicClient.waitForTransactionReceipt({ hash });
  return offerCount();
}

export async function offerCount(): Promise<bigint> {
  return publicClient.readContract({ address: deployment().swapEscrow.address, abi: swapEscrowAbi, functionName: "offerCount" });
}

export async function getOffer(id: bigint): Promise<Offer> {
  return publicClient.readContract({ address: deployment().swapEscrow.address, abi: swapEscrowAbi, functionName: "getOffer", args: [id] });
}

export async function dealCount(): Promise<bigint> {
  return publicClient.readContract({ address: deployment().dealEscrow.address, abi: dealEscrowAbi, functionName: "dealCount" });
}

export async function getDeal(id: bigint): Promise<Deal> {
  return publicClient.readContract({ address: deployment().dealEscrow.address, abi: dealEscrowAbi, functionName: "getDeal", args: [id] });
}

export async function latestTimestamp(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}

/** Moves the chain's clock forward and mines a block, so `block.timestamp` really changed. */
export async function increaseTime(seconds: number): Promise<void> {
  await testClient.increaseTime({ seconds });
  await testClient.mine({ blocks: 1 });
}

/** With automine off, sent transactions wait in the mempool until `mine()`: the app's "pending" state becomes visible. */
export async function setAutomine(enabled: boolean): Promise<void> {
  await testClient.setAutomine(enabled);
}

export async function mine(): Promise<void> {
  await testClient.mine({ blocks: 1 });
}

/** Gas a transaction cost its sender, to make ETH balance deltas exact. */
export async function gasCost(hashes: readonly `0x${string}`[]): Promise<bigint> {
  let total = 0n;
  for (const hash of hashes) {
    const receipt = await publicClient.getTransactionReceipt({ hash });
    total += receipt.gasUsed * receipt.effectiveGasPrice;
  }
  return total;
}

/** Polls the chain until `check` holds (the UI may show "confirmed" a beat before our read). */
export async function eventually<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${stringify(last)}`);
}

function stringify(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
}

/** A real SignedSwap fill sent as `role` (an unlocked node account), straight from Node. */
export async function fillSignedAs(role: Role, signed: SignedOrderWithSignature, sellAmount = signed.order.sellAmount): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({
    address: signed.verifyingContract,
    abi: signedSwapAbi,
    functionName: "fillOrder",
    args: [signed.order, signed.signature, sellAmount],
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`fillOrder reverted (${hash})`);
}

/** Cancels signed orders by nonce as `role` (SignedSwap.cancel), straight from Node. */
export async function cancelSignedAs(role: Role, signedSwap: Address, nonces: readonly bigint[]): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({ address: signedSwap, abi: signedSwapAbi, functionName: "cancel", args: [nonces] });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`cancel reverted (${hash})`);
}
