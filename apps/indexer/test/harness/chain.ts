// The suite's chain: a real Hardhat node brought up the way `pnpm dev` does (deploy, SDK
// rebuild, demo seed), plus the viem clients the scripted trades are sent with.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Deployment } from "@peerlock/sdk";
import { type Abi, type Address, createPublicClient, createTestClient, createWalletClient, defineChain, type Hex, http } from "viem";
import { startLocalChain } from "@peerlock/devkit/localChain";
import { chainPort, logDir, repoRoot, rpcUrl } from "./env.ts";

export const chain = defineChain({
  id: 31337,
  name: "Hardhat (indexer tests)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

export const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 50 });
const testClient = createTestClient({ chain, mode: "hardhat", transport: http() });

/** Hardhat dev accounts #0..#5, unlocked on the node; the seed funds and approves #0..#4. */
export const accounts = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
  "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
  "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
  "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
] as const satisfies readonly Address[];

export async function startChain() {
  mkdirSync(logDir, { recursive: true });
  const { node } = await startLocalChain({
    host: "127.0.0.1",
    port: chainPort,
    logFile: join(logDir, "chain.log"),
    appUrl: "http://localhost:3000",
    step: (what) => console.log(`# ${what}`),
  });
  // Imported only now: the deploy just rebuilt the SDK with this chain's addresses.
  const sdk = await import("@peerlock/sdk");
  const deployment = sdk.getDeployment(31337) as Deployment;
  return { node, deployment, sdk };
}

/** Sends a contract call from an unlocked account and fails the test if it reverts. */
export async function send(from: Address, address: Address, abi: Abi, functionName: string, args: readonly unknown[], value = 0n): Promise<Hex> {
  const wallet = createWalletClient({ chain, transport: http(), account: from });
  const hash = await wallet.writeContract({ address, abi, functionName, args, value } as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== "success") throw new Error(`${functionName} reverted`);
  return hash;
}

export async function deployMock(from: Address, name: string): Promise<Address> {
  const artifact = JSON.parse(readFileSync(join(repoRoot, "contracts", "artifacts", "test", "mocks", `${name}.sol`, `${name}.json`), "utf8"));
  const wallet = createWalletClient({ chain, transport: http(), account: from });
  const hash = await wallet.deployContract({ abi: artifact.abi, bytecode: artifact.bytecode, args: [] } as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return receipt.contractAddress!;
}

/** Moves the clock and mines exactly one block (Ponder's realtime sync wants single blocks). */
export async function advance(seconds: number) {
  await testClient.increaseTime({ seconds });
  await testClient.request({ method: "evm_mine" } as never);
}

export async function latestTimestamp(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}
