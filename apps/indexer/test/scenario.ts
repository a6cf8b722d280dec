// The scripted trades the suite indexes: partial fills, a private offer, cancels before and
// after expiry, an offer asking for a non-token, and every deal path (release from Taken,
// Paid and Disputed; cancel by seller when listed and after a lapse; cancel by buyer before
// and after paying; both resolves; a payout credited and withdrawn). Some trades stay open
// so the market and the arbiter queue have rows.
import type { Deployment } from "@peerlock/sdk";
import { type Abi, type Address, keccak256, parseEther, parseUnits, toHex, zeroAddress } from "viem";
import { accounts, advance, deployMock, latestTimestamp, send } from "./harness/chain.ts";

type Sdk = { swapEscrowAbi: Abi; dealEscrowAbi: Abi; testTokenAbi: Abi };

export async function runScenario(deployment: Deployment, sdk: Sdk) {
  const [A, B, C, D, E, F] = accounts;
  const tok = (symbol: string) => deployment.tokens.find((t) => t.symbol === symbol)!.address;
  const usd = tok("tUSD");
  const weth = tok("tWETH");
  const btc = tok("tBTC");
  const swap = deployment.swapEscrow.address;
  const dealEscrow = deployment.dealEscrow.address;
  const nextOffer = async () => ((await countOf(swap, sdk.swapEscrowAbi, "offerCount")) as bigint) + 1n;
  const nextDeal = async () => ((await countOf(dealEscrow, sdk.dealEscrowAbi, "dealCount")) as bigint) + 1n;
  const offer = async (
    from: Address,
    sellToken: Address,
    sellAmount: bigint,
    buyToken: Address,
    buyAmount: bigint,
    taker: Address,
    expiry: bigint,
    partial: boolean,
  ) => {
    const id = await nextOffer();
    const value = sellToken === zeroAddress ? sellAmount : 0n;
    await send(from, swap, sdk.swapEscrowAbi, "createOffer", [sellToken, sellAmount, buyToken, buyAmount, taker, expiry, partial], value);
    return id;
  };
  const fill = (from: Address, id: bigint, amount: bigint, value = 0n) => send(from, swap, sdk.swapEscrowAbi, "fillOffer", [id, amount], value);
  const cancelOffer = (from: Address, id: bigint) => send(from, swap, sdk.swapEscrowAbi, "cancelOffer", [id]);
  const open = async (from: Address, token: Address, amount: bigint, arbiter: Address, buyer: Address = zeroAddress) => {
    const id = await nextDeal();
    const terms = keccak256(toHex(`terms of deal ${id}`));
    await send(
      from,
      dealEscrow,
      sdk.dealEscrowAbi,
      "openDeal",
      [token, amount, buyer, arbiter, 100, 600, terms],
      token === zeroAddress ? amount : 0n,
    );
    return id;
  };
  const act = (from: Address, fn: string, id: bigint, ...rest: unknown[]) => send(from, dealEscrow, sdk.dealEscrowAbi, fn, [id, ...rest]);
  const usdAmount = (v: string) => parseUnits(v, 6);

  // Offers.
  const o1 = await offer(A, usd, usdAmount("100"), weth, parseEther("1"), zeroAddress, 0n, true);
  await fill(B, o1, usdAmount("30"));
  await advance(10);
  await fill(C, o1, usdAmount("20"));
  await cancelOffer(A, o1);
  const o2 = await offer(B, zeroAddress, parseEther("1"), usd, usdAmount("3000"), zeroAddress, 0n, false);
  await fill(A, o2, parseEther("1"));
  const o3 = await offer(C, btc, parseUnits("1", 8), weth, parseEther("5"), zeroAddress, (await latestTimestamp()) + 100n, true);
  await advance(200);
  await cancelOffer(C, o3);
  const o4 = await offer(A, weth, parseEther("10"), usd, usdAmount("20000"), zeroAddress, 0n, true);
  await fill(B, o4, parseEther("4"));
  await fill(E, o4, parseEther("6"));
  await offer(D, usd, usdAmount("5"), F, 1n, zeroAddress, 0n, true); // asks for a non-token: metadata reads revert
  const o6 = await offer(B, btc, parseUnits("1", 8), weth, parseEther("2"), C, 0n, false);
  await fill(C, o6, parseUnits("1", 8));
  await offer(E, weth, parseEther("1"), usd, usdAmount("2500"), zeroAddress, 0n, true); // stays open

  // Deals.
  const d1 = await open(A, usd, usdAmount("50"), E);
  await act(B, "takeDeal", d1);
  await advance(30);
  await act(B, "markPaid", d1);
  await advance(45);
  await act(A, "release", d1);
  const d2 = await open(A, usd, usdAmount("60"), E);
  await act(C, "takeDeal", d2);
  await advance(700);
  await act(A, "cancelDeal", d2); // lapsed: C never paid
  const d3 = await open(B, usd, usdAmount("70"), E);
  await act(C, "takeDeal", d3);
  await act(C, "cancelDeal", d3); // C backs out
  const d4 = await open(A, weth, parseEther("1"), D);
  await act(B, "takeDeal", d4);
  await advance(20);
  await act(B, "markPaid", d4);
  await act(B, "dispute", d4);
  await act(D, "resolve", d4, 7000);
  const d5 = await open(C, zeroAddress, parseEther("1"), D);
  await act(A, "takeDeal", d5);
  await advance(100);
  await act(A, "markPaid", d5);
  await act(C, "dispute", d5);
  await act(D, "resolve", d5, 2500);
  const d6 = await open(A, usd, usdAmount("10"), E);
  await act(A, "cancelDeal", d6); // cancelled while listed
  const d7 = await open(A, usd, usdAmount("80"), E);
  await act(D, "takeDeal", d7);
  await advance(15);
  await act(D, "markPaid", d7);
  await act(A, "dispute", d7);
  await advance(50);
  await act(A, "release", d7); // released from Disputed
  const d8 = await open(B, btc, parseUnits("0.2", 8), D, C); // named buyer
  await act(C, "takeDeal", d8);
  await advance(60);
  await act(C, "markPaid", d8);
  await advance(90);
  await act(B, "release", d8);
  const d9 = await open(A, usd, usdAmount("90"), E);
  await act(B, "takeDeal", d9);
  await act(A, "release", d9); // released from Taken, never marked paid

  // A payout the recipient's token refuses is credited, then withdrawn.
  const blocking = await deployMock(A, "BlockingToken");
  const blockingAbi = [
    {
      type: "function",
      name: "mint",
      stateMutability: "nonpayable",
      inputs: [
        { name: "to", type: "address" },
        { name: "amount", type: "uint256" },
      ],
      outputs: [],
    },
    {
      type: "function",
      name: "approve",
      stateMutability: "nonpayable",
      inputs: [
        { name: "spender", type: "address" },
        { name: "amount", type: "uint256" },
      ],
      outputs: [{ type: "bool" }],
    },
    {
      type: "function",
      name: "setBlocked",
      stateMutability: "nonpayable",
      inputs: [
        { name: "account", type: "address" },
        { name: "isBlocked", type: "bool" },
      ],
      outputs: [],
    },
  ] as const satisfies Abi;
  await send(A, blocking, blockingAbi, "mint", [A, parseEther("1000")]);
  await send(A, blocking, blockingAbi, "approve", [dealEscrow, parseEther("1000")]);
  const d10 = await open(A, blocking, parseEther("100"), E);
  await act(B, "takeDeal", d10);
  await act(B, "markPaid", d10);
  await send(A, blocking, blockingAbi, "setBlocked", [B, true]);
  await act(A, "release", d10); // B cannot receive: credited
  await send(A, blocking, blockingAbi, "setBlocked", [B, false]);
  await send(B, dealEscrow, sdk.dealEscrowAbi, "withdraw", [blocking]);

  // Left open: a listed deal, a paid deal, a dispute waiting for D, and a buyer who pays then backs out.
  await open(C, weth, parseEther("2"), D);
  const d12 = await open(A, usd, usdAmount("15"), E);
  await act(B, "takeDeal", d12);
  await act(B, "markPaid", d12);
  const d13 = await open(A, usd, usdAmount("25"), D);
  await act(C, "takeDeal", d13);
  await act(C, "markPaid", d13);
  await act(C, "dispute", d13);
  const d14 = await open(B, usd, usdAmount("35"), D);
  await act(E, "takeDeal", d14);
  await advance(5);
  await act(E, "markPaid", d14);
  await act(E, "cancelDeal", d14);
  return { blocking };
}

async function countOf(address: Address, abi: Abi, functionName: string) {
  const { publicClient } = await import("./harness/chain.ts");
  return publicClient.readContract({ address, abi, functionName });
}
