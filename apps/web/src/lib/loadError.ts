import { decodePeerlockError } from "@peerlock/sdk";
import { BaseError, ContractFunctionZeroDataError } from "viem";

export type LoadErrorKind = "unreachable" | "no-contract" | "other";

/** Whether a read failed because the node could not be reached (down, wrong URL, offline). */
export function isNodeUnreachable(error: unknown): boolean {
  return decodePeerlockError(error).kind === "network";
}

/** Why a read failed, in words a person can act on; `node` says which node the app reads from. */
export function describeLoadError(
  error: unknown,
  what: string,
  node: { name: string; url: string },
): { kind: LoadErrorKind; title: string; detail: string } {
  if (isNodeUnreachable(error)) {
    return {
      kind: "unreachable",
      title: `Could not load ${what}: the ${node.name} node does not answer.`,
      detail: `The app reads the chain from ${node.url}. It may be stopped or out of reach. This page tries again every few seconds and fills in as soon as the node is back.`,
    };
  }
  if (error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionZeroDataError)) {
    return {
      kind: "no-contract",
      title: `Could not load ${what}: no Peerlock contract answers on this chain.`,
      detail: `The node at ${node.url} has no code at the app's contract addresses. If the local chain was restarted, deploy the contracts again (pnpm dev does both).`,
    };
  }
  return { kind: "other", title: `Could not load ${what}.`, detail: decodePeerlockError(error).message };
}
