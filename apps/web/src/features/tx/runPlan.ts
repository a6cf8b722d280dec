// How a transaction plan runs, loaded after the page (see useTransaction): simulating, sending
// and decoding reverts pulls in most of viem's transaction code, which no page needs to paint.
import { decodePeerlockError, erc20Abi, isNative } from "@peerlock/sdk";
import type { QueryClient } from "@tanstack/react-query";
import type { Address, TransactionReceipt } from "viem";
import type { Config } from "wagmi";
import { getConnection, readContract, simulateContract, switchChain, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { appChain } from "@/config/chain";
import { type ChainClock, proveChainTime } from "@/lib/chainClock";
import { queryKeys } from "@/lib/queryKeys";
import { type ContractCall, contractCall } from "./contractCall";
import type { TxState } from "./txState";
import type { Changed, TxPlan } from "./plan";

export type RunDeps = {
  config: Config;
  queryClient: QueryClient;
  applyMarketChanges: (changed: Changed) => Promise<unknown>;
  setState: (state: TxState) => void;
};

class RevertedOnChain extends Error {}

/** The simulation refused the call: nothing reached the wallet. */
class SimulationFailed extends Error {
  constructor(readonly reason: unknown) {
    super("simulation failed");
  }
}

/** Right chain? -> approval if short (exact amount) -> simulate -> confirm in wallet -> pending -> confirmed or failed. */
export async function runPlan(
  { config, queryClient, applyMarketChanges, setState }: RunDeps,
  plan: TxPlan,
): Promise<TransactionReceipt[] | undefined> {
  const send = async (call: ContractCall, account: Address, step: string): Promise<TransactionReceipt> => {
    setState({ phase: "simulating", step });
    const { request } = await simulateContract(config, {
      account,
      chainId: appChain.id,
      address: call.address,
      abi: call.abi,
      functionName: call.functionName,
      args: call.args,
      value: call.value,
    }).catch((reason: unknown) => {
      throw new SimulationFailed(reason);
    });
    setState({ phase: "confirm", step });
    const hash = await writeContract(config, request);
    setState({ phase: "pending", step, hash });
    const receipt = await waitForTransactionReceipt(config, { hash, chainId: appChain.id });
    if (receipt.status !== "success") throw new RevertedOnChain(hash);
    return receipt;
  };

  let step: string | undefined;
  // Steps already confirmed on chain: a later failure must not claim that nothing happened.
  const done: string[] = [];
  try {
    const connection = getConnection(config);
    const account = connection.address;
    if (!account) {
      setState({ phase: "failed", message: "Connect a wallet first." });
      return undefined;
    }
    if (connection.chainId !== appChain.id) {
      setState({ phase: "switching", chainName: appChain.name });
      await switchChain(config, { chainId: appChain.id });
    }

    const { approval } = plan;
    if (approval && !isNative(approval.token) && approval.amount > 0n) {
      step = approval.step;
      setState({ phase: "checking", step });
      const allowance = await readContract(config, {
        chainId: appChain.id,
        address: approval.token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [account, approval.spender],
      });
      if (allowance < approval.amount) {
        const approve = (amount: bigint, label: string) =>
          send(
            contractCall({ step: label, address: approval.token, abi: erc20Abi, functionName: "approve", args: [approval.spender, amount] }),
            account,
            label,
          );
        try {
          await approve(approval.amount, step);
        } catch (error) {
          // USDT-style tokens refuse to move a non-zero allowance to another non-zero value.
          if (!(error instanceof SimulationFailed) || allowance === 0n) throw error;
          await approve(0n, (step = "Reset the previous approval"));
          done.push(step);
          await approve(approval.amount, (step = approval.step));
        }
        done.push(step);
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.allowance(approval.token, account, approval.spender) });
    }

    const receipts: TransactionReceipt[] = [];
    for (const call of plan.calls) {
      step = call.step;
      receipts.push(await send(call, account, step));
      done.push(step);
    }
    const last = receipts.at(-1);
    // several calls (not an approval and its call) are all named: the faucet mints three tokens
    const calls = plan.calls.map((c) => c.step);
    if (last && step)
      setState({ phase: "confirmed", step, hash: last.transactionHash, blockNumber: last.blockNumber, done: calls.length > 1 ? calls : undefined });

    for (const queryKey of plan.invalidate ?? []) void queryClient.invalidateQueries({ queryKey });
    void queryClient.invalidateQueries({ queryKey: queryKeys.chainTime() });
    if (plan.changed) {
      const changed = typeof plan.changed === "function" ? plan.changed(receipts) : plan.changed;
      void applyMarketChanges(changed).catch(() => undefined);
    }
    plan.onConfirmed?.(receipts);
    return receipts;
  } catch (error) {
    const decoded = error instanceof RevertedOnChain ? undefined : decodePeerlockError(error instanceof SimulationFailed ? error.reason : error);
    const proven = decoded?.name ? plan.clockProofs?.[decoded.name] : undefined;
    if (proven !== undefined) {
      const wall = Math.floor(Date.now() / 1000);
      queryClient.setQueryData<ChainClock>(queryKeys.chainTime(), (clock) => proveChainTime(clock, Number(proven), wall));
    }
    // The page judged from stale state (time moved, someone else traded), or earlier steps
    // went through: read again what the plan touches.
    if (done.length > 0 || error instanceof RevertedOnChain || decoded?.kind === "contract") {
      for (const queryKey of plan.invalidate ?? []) void queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: queryKeys.chainTime() });
      if (plan.changed && typeof plan.changed !== "function") void applyMarketChanges(plan.changed).catch(() => undefined);
    }
    if (error instanceof RevertedOnChain) {
      setState({ phase: "failed", step, message: "The transaction was reverted on chain.", hash: error.message as `0x${string}`, done });
    } else if (decoded?.kind === "rejected") {
      setState({ phase: "cancelled", step, done });
    } else {
      setState({ phase: "failed", step, message: decoded?.message ?? "Something went wrong.", done });
    }
    return undefined;
  }
}
