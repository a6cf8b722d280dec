// Deploys Peerlock with Hardhat Ignition to the network given by `--network` and writes the
// addresses into @peerlock/sdk. On a development chain it also deploys the test tokens.
//   pnpm --filter @peerlock/contracts deploy:local               (the node of `pnpm chain`)
//   pnpm --filter @peerlock/contracts exec hardhat run scripts/deploy.ts --network sepolia
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { network } from "hardhat";
import type { Address, PublicClient } from "viem";
import DevTokensModule, { DEV_TOKENS } from "../ignition/modules/DevTokens.ts";
import PeerlockModule from "../ignition/modules/Peerlock.ts";
import { LOCAL_CHAIN_IDS, writeDeploymentFile } from "./deployment-file.ts";

const ignitionDir = join(import.meta.dirname, "..", "ignition", "deployments");

const { ignition, viem } = await network.getOrCreate();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const isLocal = LOCAL_CHAIN_IDS.has(chainId);
const deploymentId = `chain-${chainId}`;

if (isLocal) await forgetStaleLocalDeployment(publicClient);

const { swapEscrow, dealEscrow, signedSwap } = await ignition.deploy(PeerlockModule, { deploymentId });
const tokens = isLocal ? await deployDevTokens() : [];

const path = writeDeploymentFile({
  chainId,
  swapEscrow: { address: swapEscrow.address, deployedOnBlock: String(deployedOnBlock("Peerlock#SwapEscrow")) },
  dealEscrow: { address: dealEscrow.address, deployedOnBlock: String(deployedOnBlock("Peerlock#DealEscrow")) },
  signedSwap: { address: signedSwap.address, deployedOnBlock: String(deployedOnBlock("Peerlock#SignedSwap")) },
  tokens,
});
console.log(`SwapEscrow ${swapEscrow.address}\nDealEscrow ${dealEscrow.address}\nSignedSwap ${signedSwap.address}\nwrote ${path}`);

async function deployDevTokens() {
  const deployed = await ignition.deploy(DevTokensModule, { deploymentId });
  const contracts = [deployed.usd, deployed.weth, deployed.btc];
  return DEV_TOKENS.map((t, i) => ({
    address: contracts[i].address as Address,
    symbol: t.symbol,
    name: t.name,
    decimals: t.decimals,
    faucet: true,
  }));
}

/**
 * A development node starts empty every time, but Ignition's journal of the previous run
 * survives on disk and would make it skip the deploy. Forget it when its contracts are gone.
 */
async function forgetStaleLocalDeployment(client: PublicClient) {
  const dir = join(ignitionDir, deploymentId);
  const addressesFile = join(dir, "deployed_addresses.json");
  if (!existsSync(addressesFile)) return;
  const addresses = Object.values(JSON.parse(readFileSync(addressesFile, "utf8"))) as Address[];
  const codes = await Promise.all(addresses.map((address) => client.getCode({ address })));
  if (codes.some((code) => !code || code === "0x")) rmSync(dir, { recursive: true, force: true });
}

/** The block of the transaction that created `futureId`, from Ignition's journal. */
function deployedOnBlock(futureId: string): bigint {
  const journal = readFileSync(join(ignitionDir, deploymentId, "journal.jsonl"), "utf8").split("\n");
  for (const line of journal) {
    if (!line.includes(futureId)) continue;
    const entry = JSON.parse(line);
    const block = entry?.receipt?.blockNumber;
    if (entry.futureId === futureId && block !== undefined) return BigInt(block);
  }
  return 0n;
}
