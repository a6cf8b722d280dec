// Builds the app (or reuses the deal-room suites' build), starts the Hardhat node for the
// order-book suite and deploys SignedSwap, its tokens and an EIP-1271 wallet; stops it afterwards.
import { deploySmartWallet } from "../shared/chain";
import { startHardhatNode } from "../shared/hardhatNode";
import { buildApp } from "../shared/nextServer";
import { deployOrderbookContracts } from "./chain";

let stopNode: (() => void) | undefined;

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  buildApp();
  stopNode = await startHardhatNode();
  const book = await deployOrderbookContracts();
  provide("signedSwap", book.signedSwap);
  provide("sellToken", book.sellToken);
  provide("buyToken", book.buyToken);
  provide("smartWallet", await deploySmartWallet());
}

export async function teardown(): Promise<void> {
  stopNode?.();
}
