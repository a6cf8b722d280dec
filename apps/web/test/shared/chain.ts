// The server suites' Hardhat node (one per vitest run, started by each suite's globalSetup): its
// port, clients for Hardhat's dev accounts, and deploys from the compiled artifacts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Abi, type Address, createPublicClient, createWalletClient, defineChain, type Hex, http } from "viem";
import { mnemonicToAccount } from "viem/accounts";

export const CHAIN_ID = 31337;
/** The deal-room and order-book suites run one after the other, so they share one port. */
export const chainPort = Number(process.env.ROOM_TEST_CHAIN_PORT ?? 8621);
export const rpcUrl = `http://127.0.0.1:${chainPort}`;
const chain = defineChain({
  id: CHAIN_ID,
  name: "Hardhat (server tests)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

/** Hardhat's default dev accounts (its documented test mnemonic): keys we can sign with locally. */
const MNEMONIC = "test test test test test test test test test test test junk";
export const accounts = Array.from({ length: 10 }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i }));
/** Account 5 owns the EIP-1271 test wallet both suites sign with. */
export const walletOwner = accounts[5]!;

export const publicClient = createPublicClient({ chain, transport: http(), pollingInterval: 50 });
export const walletFor = (index: number) => createWalletClient({ chain, transport: http(), account: accounts[index] });

function artifact(path: string): { abi: Abi; bytecode: Hex } {
  const root = join(import.meta.dirname, "..", "..", "..", "..", "contracts", "artifacts");
  return JSON.parse(readFileSync(join(root, path), "utf8"));
}

export async function deploy(path: string, args: unknown[] = []): Promise<Address> {
  const { abi, bytecode } = artifact(path);
  const hash = await walletFor(0).deployContract({ abi, bytecode, args } as never);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return receipt.contractAddress!;
}

/** An EIP-1271 contract wallet owned by `walletOwner`. */
export const deploySmartWallet = () => deploy("test/mocks/OwnedSmartWallet.sol/OwnedSmartWallet.json", [walletOwner.address]);
