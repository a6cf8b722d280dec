import type { Hash } from "viem";

/**
 * A transaction's whole life as one value. `step` names what is being signed ("Approve 100 USDC",
 * "Create offer") so a flow with an approval reads as one story.
 */
export type TxState =
  | { phase: "idle" }
  | { phase: "switching"; chainName: string }
  | { phase: "checking"; step: string }
  | { phase: "simulating"; step: string }
  | { phase: "confirm"; step: string }
  | { phase: "pending"; step: string; hash: Hash }
  /** `done`: the flow's transactions, in order, when it sent several (the faucet mints three tokens). */
  | { phase: "confirmed"; step: string; hash: Hash; blockNumber: bigint; done?: readonly string[] }
  | { phase: "failed"; step?: string; message: string; hash?: Hash; done?: readonly string[] }
  | { phase: "cancelled"; step?: string; done?: readonly string[] };

export type TxPhase = TxState["phase"];

export function isBusy(state: TxState): boolean {
  return ["switching", "checking", "simulating", "confirm", "pending"].includes(state.phase);
}

/** One sentence for the status line. */
export function describeTx(state: TxState): string {
  switch (state.phase) {
    case "idle":
      return "";
    case "switching":
      return `Switch your wallet to ${state.chainName}…`;
    case "checking":
      return `${state.step}: checking your allowance…`;
    case "simulating":
      return `${state.step}: checking the transaction would succeed…`;
    case "confirm":
      return `${state.step}: confirm in your wallet.`;
    case "pending":
      return `${state.step}: waiting for the transaction to be included…`;
    case "confirmed": {
      const block = state.blockNumber.toString();
      const all = state.done ?? [];
      return all.length > 1
        ? `${all.join(", ")}: confirmed in block ${block} (all ${all.length} transactions).`
        : `${state.step}: confirmed in block ${block}.`;
    }
    case "failed": {
      const text = state.step ? `${state.step} failed: ${state.message}` : state.message;
      return state.done?.length ? `${text} ${alreadyDone(state.done)}` : text;
    }
    case "cancelled":
      return state.done?.length ? `Cancelled in wallet. ${alreadyDone(state.done)} Nothing else was sent.` : "Cancelled in wallet. Nothing was sent.";
  }
}

/** In a flow of several transactions, the ones that went through before it stopped. */
function alreadyDone(steps: readonly string[]): string {
  return `Already done: ${steps.join(", ")}.`;
}

/** Where to see a block or transaction: the chain's explorer when it has one. */
export function explorerLink(explorerUrl: string | undefined, kind: "block" | "tx", id: bigint | Hash): string | undefined {
  if (!explorerUrl) return undefined;
  return `${explorerUrl.replace(/\/+$/, "")}/${kind}/${id.toString()}`;
}
