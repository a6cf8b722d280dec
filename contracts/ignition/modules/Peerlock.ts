import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/**
 * The two escrows and SignedSwap (gasless signed offers). No constructor arguments, no owner:
 * the same module for every network.
 */
export default buildModule("Peerlock", (m) => {
  const swapEscrow = m.contract("SwapEscrow");
  const dealEscrow = m.contract("DealEscrow");
  const signedSwap = m.contract("SignedSwap");
  return { swapEscrow, dealEscrow, signedSwap };
});
