import { buildModule } from "@nomicfoundation/hardhat-ignition/modules";

/** The two escrows. No constructor arguments, no owner: the same module for every network. */
export default buildModule("Peerlock", (m) => {
  const swapEscrow = m.contract("SwapEscrow");
  const dealEscrow = m.contract("DealEscrow");
  return { swapEscrow, dealEscrow };
});
