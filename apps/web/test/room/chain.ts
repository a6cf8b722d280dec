// The deal-room tests' contracts and chain moves on the server suites' Hardhat node (../shared/chain):
// DealEscrow, an EIP-1271 test wallet, and the deal steps the tests take.
import { dealEscrowAbi } from "@peerlock/sdk";
import { type Address, type Hex, parseEther, zeroAddress } from "viem";
import { accounts, deploy, deploySmartWallet, publicClient, walletFor } from "../shared/chain";

export { accounts, CHAIN_ID, chainPort, deploy, publicClient, rpcUrl, walletFor, walletOwner } from "../shared/chain";
const at = (i: number) => accounts[i]!;
export const [seller, buyer, arbiter, stranger, otherBuyer] = [at(0), at(1), at(2), at(3), at(4)];

export async function deployRoomContracts(): Promise<{ dealEscrow: Address; smartWallet: Address }> {
  const dealEscrow = await deploy("src/DealEscrow.sol/DealEscrow.json");
  const smartWallet = await deploySmartWallet();
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
