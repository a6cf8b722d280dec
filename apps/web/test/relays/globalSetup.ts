// Builds the app (or reuses the other server suites' build), starts the Hardhat node and deploys
// both DealEscrow (deal rooms) and SignedSwap with its tokens (the book); stops the node afterwards.
import { startHardhatNode } from "../shared/hardhatNode";
import { buildApp } from "../shared/nextServer";
import { deployOrderbookContracts } from "../orderbook/chain";
import { deployRoomContracts } from "../room/chain";

let stopNode: (() => void) | undefined;

export async function setup({ provide }: { provide: (key: string, value: unknown) => void }): Promise<void> {
  buildApp();
  stopNode = await startHardhatNode();
  const { dealEscrow } = await deployRoomContracts();
  const book = await deployOrderbookContracts();
  provide("dealEscrow", dealEscrow);
  provide("signedSwap", book.signedSwap);
  provide("sellToken", book.sellToken);
  provide("buyToken", book.buyToken);
}

export async function teardown(): Promise<void> {
  stopNode?.();
}
