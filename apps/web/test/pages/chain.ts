// A Hardhat node of the page suite's own (PAGES_TEST_CHAIN_PORT), both escrows and two test
// tokens deployed from the contracts' artifacts, and a fast way to fill the book: offers and
// deals sent as JSON-RPC batches of eth_sendTransaction from the node's unlocked accounts, then
// mined.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dealEscrowAbi, swapEscrowAbi, testTokenAbi } from "@peerlock/sdk";
import {
  type Abi,
  type Address,
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  type Hex,
  http,
  maxUint256,
  numberToHex,
  zeroAddress,
} from "viem";

export const chainPort = Number(process.env.PAGES_TEST_CHAIN_PORT ?? 8631);
export const rpcUrl = `http://127.0.0.1:${chainPort}`;
export const chain = defineChain({
  id: 31337,
  name: "Hardhat (page tests)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
/** Hardhat dev accounts #0, #1 and #2, unlocked on the node. */
export const [alice, bob, arbiter] = [
  "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
  "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
  "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
] as const satisfies readonly Address[];

const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 50 });

async function rpc<T>(body: unknown): Promise<T> {
  const res = await fetch(rpcUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return (await res.json()) as T;
}

export async function startNode(): Promise<ChildProcess> {
  const node = spawn("pnpm", ["--filter", "@peerlock/contracts", "exec", "hardhat", "node", "--hostname", "127.0.0.1", "--port", String(chainPort)], {
    detached: true,
    stdio: "ignore",
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (node.exitCode !== null)
      throw new Error(`The Hardhat node exited (code ${node.exitCode}); is port ${chainPort} free? Set PAGES_TEST_CHAIN_PORT.`);
    if (Date.now() > deadline) throw new Error(`The Hardhat node at ${rpcUrl} did not start within 120 s.`);
    const ok = await rpc({ jsonrpc: "2.0", id: 1, method: "eth_chainId", params: [] }).then(
      () => true,
      () => false,
    );
    if (ok) return node;
    await new Promise((r) => setTimeout(r, 300));
  }
}

export function stopNode(node: ChildProcess | undefined) {
  if (node?.pid && node.exitCode === null) process.kill(-node.pid, "SIGTERM");
}

function artifact(path: string): { abi: Abi; bytecode: Hex } {
  return JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "..", "..", "contracts", "artifacts", path), "utf8"));
}

async function send(tx: { address: Address; abi: Abi; functionName: string; args: readonly unknown[] }) {
  const wallet = createWalletClient({ chain, transport: http(), account: alice });
  const hash = await wallet.writeContract(tx as never);
  await publicClient.waitForTransactionReceipt({ hash });
}

async function deploy(path: string, args: unknown[] = []): Promise<Address> {
  const { abi, bytecode } = artifact(path);
  const wallet = createWalletClient({ chain, transport: http(), account: alice });
  const hash = await wallet.deployContract({ abi, bytecode, args } as never);
  return (await publicClient.waitForTransactionReceipt({ hash })).contractAddress!;
}

/** Both escrows and two tokens the app does not know; one token offer (#1) and one token deal (#1) by alice. */
export async function deployBook() {
  const block = await publicClient.getBlockNumber();
  const swapEscrow = await deploy("src/SwapEscrow.sol/SwapEscrow.json");
  const dealEscrow = await deploy("src/DealEscrow.sol/DealEscrow.json");
  const sellToken = await deploy("dev/TestToken.sol/TestToken.json", ["Page Sell", "tPSL", 18]);
  const buyToken = await deploy("dev/TestToken.sol/TestToken.json", ["Page Buy", "tPBY", 6]);
  await send({ address: sellToken, abi: testTokenAbi as Abi, functionName: "mint", args: [alice, 10n ** 24n] });
  await send({ address: sellToken, abi: testTokenAbi as Abi, functionName: "approve", args: [swapEscrow, maxUint256] });
  await send({
    address: swapEscrow,
    abi: swapEscrowAbi as Abi,
    functionName: "createOffer",
    args: [sellToken, 10n ** 18n, buyToken, 2_000_000n, zeroAddress, 0n, true],
  });
  await send({ address: sellToken, abi: testTokenAbi as Abi, functionName: "approve", args: [dealEscrow, maxUint256] });
  await send({
    address: dealEscrow,
    abi: dealEscrowAbi as Abi,
    functionName: "openDeal",
    args: [sellToken, 10n ** 18n, zeroAddress, arbiter, 100, 3600, `0x${"ab".repeat(32)}`],
  });
  return { swapEscrow, dealEscrow, sellToken, buyToken, deployedOnBlock: block + 1n };
}

/** Adds `count` one-wei ETH offers by bob. */
export function seedOffers(swapEscrow: Address, buyToken: Address, count: number) {
  const data = encodeFunctionData({
    abi: swapEscrowAbi,
    functionName: "createOffer",
    args: [zeroAddress, 1n, buyToken, 1_000n, zeroAddress, 0n, false],
  });
  return sendMany(swapEscrow, data, count);
}

/** Adds `count` one-wei ETH deals by bob. */
export function seedDeals(dealEscrow: Address, count: number) {
  const data = encodeFunctionData({
    abi: dealEscrowAbi,
    functionName: "openDeal",
    args: [zeroAddress, 1n, zeroAddress, arbiter, 100, 3600, `0x${"cd".repeat(32)}`],
  });
  return sendMany(dealEscrow, data, count);
}

/** Sends the same one-wei call `count` times from bob, 500 to a batch (automine off while sending). */
async function sendMany(to: Address, data: Hex, count: number) {
  await rpc({ jsonrpc: "2.0", id: 1, method: "evm_setAutomine", params: [false] });
  for (let sent = 0; sent < count; sent += 500) {
    const batch = Array.from({ length: Math.min(500, count - sent) }, (_, k) => ({
      jsonrpc: "2.0",
      id: k,
      method: "eth_sendTransaction",
      params: [{ from: bob, to, data, value: numberToHex(1n), gas: numberToHex(300_000n) }],
    }));
    const answers = await rpc<{ error?: { message: string } }[]>(batch);
    const failed = answers.find((a) => a.error);
    if (failed) throw new Error(`eth_sendTransaction: ${failed.error!.message}`);
    // Mine until bob's pending transactions are all in blocks.
    for (;;) {
      await rpc({ jsonrpc: "2.0", id: 1, method: "evm_mine", params: [] });
      const [mined, pending] = await Promise.all(
        ["latest", "pending"].map((tag) => rpc<{ result: Hex }>({ jsonrpc: "2.0", id: 1, method: "eth_getTransactionCount", params: [bob, tag] })),
      );
      if (mined!.result === pending!.result) break;
    }
  }
  await rpc({ jsonrpc: "2.0", id: 1, method: "evm_setAutomine", params: [true] });
}

export async function offerCount(swapEscrow: Address): Promise<bigint> {
  return publicClient.readContract({ address: swapEscrow, abi: swapEscrowAbi, functionName: "offerCount" });
}

export async function dealCount(dealEscrow: Address): Promise<bigint> {
  return publicClient.readContract({ address: dealEscrow, abi: dealEscrowAbi, functionName: "dealCount" });
}
