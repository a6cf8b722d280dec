// Shared deployments. Every fixture is a named function so `loadFixture` can snapshot it once
// and restore the snapshot for each test that asks for it.
import assert from "node:assert/strict";
import { erc20Abi, maxUint256, parseAbi, type Address, type Hash } from "viem";
import { ETH, ONE, loadFixture, publicClient, viem } from "./setup.ts";

const mintAbi = parseAbi(["function mint(address to, uint256 amount)"]);
// no return value declared, so it also fits NoReturnToken
const approveAbi = parseAbi(["function approve(address spender, uint256 amount)"]);

/** What every party starts with of each 18-decimal test token. */
export const START_TOKENS = 1_000_000n * ONE;

/**
 * Both escrows, two plain tokens, every hostile token and an ETH-refusing account, with the
 * parties funded and every token approved to both escrows.
 */
export async function deployAll() {
  const [deployer, alice, bob, arbiter, carol] = await viem.getWalletClients();
  const swap = await viem.deployContract("SwapEscrow");
  const deal = await viem.deployContract("DealEscrow");
  const tokenA = await viem.deployContract("TestToken", ["Token A", "TKA", 18]);
  const tokenB = await viem.deployContract("TestToken", ["Token B", "TKB", 6]);
  const reentrant = await viem.deployContract("ReentrantToken");
  const feeToken = await viem.deployContract("FeeOnTransferToken", [100n]);
  const blocking = await viem.deployContract("BlockingToken");
  const sendVeto = await viem.deployContract("SendVetoToken");
  const falseRet = await viem.deployContract("FalseReturnToken");
  const noRet = await viem.deployContract("NoReturnToken");
  const refuser = await viem.deployContract("EthRefuser");

  const parties = [alice, bob, arbiter, carol];
  const tokens = [tokenA, tokenB, reentrant, feeToken, blocking, sendVeto, falseRet, noRet];
  for (const token of tokens) {
    for (const party of parties) {
      // through the shared ABI fragment: the tokens' own ABIs differ in return types
      await party.writeContract({ address: token.address, abi: mintAbi, functionName: "mint", args: [party.account.address, START_TOKENS] });
      for (const spender of [swap.address, deal.address]) {
        await party.writeContract({ address: token.address, abi: approveAbi, functionName: "approve", args: [spender, maxUint256] });
      }
    }
  }

  return {
    swap,
    deal,
    tokenA,
    tokenB,
    reentrant,
    feeToken,
    blocking,
    sendVeto,
    falseRet,
    noRet,
    refuser,
    deployer,
    // SwapEscrow roles
    maker: alice,
    taker: bob,
    // DealEscrow roles
    seller: alice,
    buyer: bob,
    arbiter,
    // someone with no role in the trade under test
    other: carol,
  };
}

export type World = Awaited<ReturnType<typeof deployAll>>;

/** The deployed world, restored from its snapshot. */
export async function world(): Promise<World> {
  return loadFixture(deployAll);
}

/** Balance of `account` in `token` (`ETH` for native ether). */
export async function balanceOf(token: Address, account: Address): Promise<bigint> {
  if (token === ETH) return publicClient.getBalance({ address: account });
  return publicClient.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [account] });
}

/**
 * Sends a transaction and asserts the exact balance change of each listed account in
 * `token`. For ETH the sender's gas cost is added back, so deltas are pure value transfers.
 * Returns the transaction hash for further event assertions.
 */
export async function expectBalanceChanges(
  token: Address,
  send: () => Promise<Hash>,
  changes: ReadonlyArray<readonly [Address, bigint]>,
): Promise<Hash> {
  const before = await Promise.all(changes.map(([account]) => balanceOf(token, account)));
  const hash = await send();
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  assert.equal(receipt.status, "success", "transaction reverted");
  const gasCost = receipt.gasUsed * receipt.effectiveGasPrice;
  for (const [i, [account, expected]] of changes.entries()) {
    const after = await balanceOf(token, account);
    const paidGas = token === ETH && account.toLowerCase() === receipt.from.toLowerCase() ? gasCost : 0n;
    assert.equal(after - before[i] + paidGas, expected, `balance change of ${account} in ${token}`);
  }
  return hash;
}
