import { network } from "hardhat";
import { signOrder, type SignedOrder } from "@peerlock/sdk";
import { maxUint256, type Address, type Hash, type Hex } from "viem";

/** Native ETH, as every Peerlock `token` argument writes it. */
export const ETH: Address = "0x0000000000000000000000000000000000000000";

/**
 * A gas limit well above any call measured here. Passing it skips `eth_estimateGas`, so the
 * same transaction runs with the same limit every time; gasUsed does not depend on it.
 */
const GAS_LIMIT = 3_000_000n;

/** PUSH0 PUSH0 REVERT: code that refuses every call, to make a payout fail on purpose. */
export const REVERT_CODE = "0x5f5ffd";

/**
 * Everything a scenario needs: the two escrows, SignedSwap, two test tokens, named actors, and helpers
 * to send transactions and read their gas. One in-process Hardhat chain; scenarios run
 * from snapshots so each one starts from the same state and the numbers repeat exactly.
 */
export async function createWorld() {
  const { viem, networkHelpers, provider } = await network.create();
  const publicClient = await viem.getPublicClient();
  const [deployer, maker, taker, seller, buyer, arbiter, stockist] = await viem.getWalletClients();

  const swap = await viem.deployContract("SwapEscrow");
  const deal = await viem.deployContract("DealEscrow");
  const signed = await viem.deployContract("SignedSwap");
  const chainId = await publicClient.getChainId();
  const tokenA = await viem.deployContract("TestToken", ["Alpha", "ALP", 18]);
  const tokenB = await viem.deployContract("TestToken", ["Beta", "BET", 18]);

  const actors = { deployer, maker, taker, seller, buyer, arbiter, stockist };
  type Actor = (typeof actors)[keyof typeof actors];
  type Token = typeof tokenA;

  /** Waits for a sent transaction and returns its gasUsed; a revert is an error here. */
  async function gasOf(hash: Promise<Hash>): Promise<bigint> {
    const receipt = await publicClient.waitForTransactionReceipt({ hash: await hash });
    if (receipt.status !== "success") throw new Error(`transaction ${receipt.transactionHash} reverted`);
    return receipt.gasUsed;
  }

  /** Transaction options for a call from `from`. */
  function tx(from: Actor) {
    return { account: from.account, gas: GAS_LIMIT };
  }

  /** Transaction options for a payable call from `from` sending `value` wei. */
  function txPaying(from: Actor, value: bigint) {
    return { ...tx(from), value };
  }

  async function mint(token: Token, to: Actor, amount: bigint) {
    await gasOf(token.write.mint([to.account.address, amount], tx(deployer)));
  }

  async function approve(token: Token, owner: Actor, spender: Address, amount: bigint) {
    await gasOf(token.write.approve([spender, amount], tx(owner)));
  }

  /**
   * A first-time payer: holds twice what it pays (so its balance does not drop to zero,
   * which would earn a refund no real user gets) and approves exactly the amount.
   */
  async function fundFirstTime(token: Token, payer: Actor, spender: Address, amount: bigint) {
    await mint(token, payer, amount * 2n);
    await approve(token, payer, spender, amount);
  }

  /** A regular: holds plenty of both tokens and has approved every contract without limit. */
  async function fundRegular(payer: Actor) {
    for (const token of [tokenA, tokenB]) {
      await mint(token, payer, 10n ** 30n);
      for (const spender of [swap.address, deal.address, signed.address]) await approve(token, payer, spender, maxUint256);
    }
  }

  // Typed reads: contract types come from artifacts/*.d.ts, which tsconfig may not include.
  const lastOfferId = async () => (await swap.read.offerCount()) as bigint;
  const lastDealId = async () => (await deal.read.dealCount()) as bigint;
  const quoteFill = async (offerId: bigint, amount: bigint) => (await swap.read.quoteFill([offerId, amount])) as bigint;

  /** `order` signed by its maker (one of the actors) through the SDK, as the app signs it. */
  async function sign(order: SignedOrder): Promise<Hex> {
    const maker = Object.values(actors).find((a) => a.account.address === order.maker)!;
    return (await signOrder(maker, order, { chainId, verifyingContract: signed.address })).signature;
  }

  /** Runs `action` while `target` refuses every call, then restores its code. */
  async function whileBlocked<T>(target: Address, action: () => Promise<T>): Promise<T> {
    const code = (await publicClient.getCode({ address: target })) ?? "0x";
    await networkHelpers.setCode(target, REVERT_CODE);
    try {
      return await action();
    } finally {
      await networkHelpers.setCode(target, code);
    }
  }

  return {
    swap,
    deal,
    signed,
    sign,
    tokenA,
    tokenB,
    actors,
    gasOf,
    tx,
    txPaying,
    mint,
    approve,
    fundFirstTime,
    fundRegular,
    whileBlocked,
    lastOfferId,
    lastDealId,
    quoteFill,
    takeSnapshot: () => networkHelpers.takeSnapshot(),
    publicClient,
    provider,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
