// Builds the app once, starts the Hardhat node once for the deal-room suites and deploys into it; stops it afterwards.
import { startHardhatNode } from "../shared/hardhatNode";
import { buildApp } from "../shared/nextServer";
import { deployRoomContracts } from "./chain";

let stopNode: (() => void) | undefined;

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  // one production build for every `next start` the suites run
  buildApp();
  stopNode = await startHardhatNode();
  const { dealEscrow, smartWallet } = await deployRoomContracts();
  provide("dealEscrow", dealEscrow);
  provide("smartWallet", smartWallet);
}

export async function teardown(): Promise<void> {
  stopNode?.();
}
