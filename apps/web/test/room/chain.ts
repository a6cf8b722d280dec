// A real Hardhat node for the deal-room tests, on a port of our own, with DealEscrow and an
// EIP-1271 test wallet deployed from the compiled artifacts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dealEscrowAbi } from "@peerlock/sdk";
import { type Abi, type Address, createPublicClient, createWalletClient, defineChain, type Hex, http, parseEther, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";

export const CHAIN_ID = 31337;
export const chainPort = Number(process.env.ROOM_TEST_CHAIN_PORT ?? 8621);
export const rpcUrl = `http://127.0.0.1:${chainPort}`;
const chain = defineChain({
  id: CHAIN_ID,
  name: "Hardhat (room tests)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

/** Hardhat's default dev accounts (its documented test mnemonic): keys we can sign with locally. */
const MNEMONIC = "test test test test test test test test test test test junk";
export const accounts = Array.from({ length: 10 }, (_, i) => mnemonicToAccount(MNEMONIC, { addressIndex: i }));
const at = (i: number) => accounts[i]!;
export const [seller, buyer, arbiter, stranger, otherBuyer, walletOwner] = [at(0), at(1), at(2), at(3), at(4), at(5)];

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

export async function deployRoomContracts(): Promise<{ dealEscrow: Address; smartWallet: Address }> {
  const dealEscrow = await deploy("src/DealEscrow.sol/DealEscrow.json");
  const smartWallet = await deploy("test/mocks/OwnedSmartWallet.sol/OwnedSmartWallet.json", [walletOwner.address]);
  return { dealEscrow, smartWallet };
}

const escrow = () => process.env.ROOM_DEAL_ESCROW as Address;
const indexOf = (address: Address) => accounts.findIndex((a) => a.address === address);

async function send(
  from: Address,
  functionName: "takeDeal" | "markPaid" | "dispute" | "release" | "resolve",
  args: readonly unknown[],
): Promise<void> {
  const hash = await walletFor(indexOf(from)).writeContract({ address: escrow(), abi: dealEscrowAbi, functionName, args } as never);
  await publicClient.waitForTransactionReceipt({ hash });
}

/** Opens an ETH deal on chain as the seller and returns its id. */
export async function openDeal(termsHash: Hex, opts: { from?: Address; arbiterAddress?: Address } = {}): Promise<bigint> {
  const from = opts.from ?? seller.address;
  const wallet = walletFor(indexOf(from));
  const args = [zeroAddress, parseEther("0.01"), zeroAddress, opts.arbiterAddress ?? arbiter.address, 100, 3600, termsHash] as const;
  const { result, request } = await publicClient.simulateContract({
    address: escrow(),
    abi: dealEscrowAbi,
    functionName: "openDeal",
    args,
    value: parseEther("0.01"),
    account: wallet.account,
  });
  await publicClient.waitForTransactionReceipt({ hash: await wallet.writeContract(request) });
  return result;
}

export const takeDeal = (id: bigint, by: Address = buyer.address) => send(by, "takeDeal", [id]);
export const markPaid = (id: bigint, by: Address = buyer.address) => send(by, "markPaid", [id]);
export const dispute = (id: bigint, by: Address = seller.address) => send(by, "dispute", [id]);
export const release = (id: bigint, by: Address = seller.address) => send(by, "release", [id]);
