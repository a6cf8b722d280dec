// SignedSwap fixtures: the contract, two plain tokens, the hostile ones, EIP-1271 wallets,
// and order signing with the EIP-712 types written out from SPEC.md (not imported from the
// SDK, which generates them from the contract: these tests check the contract against the spec).
import { maxUint256, parseAbi, parseSignature, serializeSignature, zeroAddress, type Address, type Hex } from "viem";
import { ONE, loadFixture, publicClient, viem } from "./setup.ts";

const mintAbi = parseAbi(["function mint(address to, uint256 amount)"]);
const approveAbi = parseAbi(["function approve(address spender, uint256 amount)"]);

/** SPEC: Order(address maker,address taker,...,bool partialFills), exactly. */
export const ORDER_TYPE_STRING =
  "Order(address maker,address taker,address sellToken,uint256 sellAmount,address buyToken,uint256 buyAmount,uint64 expiry,uint256 nonce,bool partialFills)";

export const ORDER_TYPES = {
  Order: [
    { name: "maker", type: "address" },
    { name: "taker", type: "address" },
    { name: "sellToken", type: "address" },
    { name: "sellAmount", type: "uint256" },
    { name: "buyToken", type: "address" },
    { name: "buyAmount", type: "uint256" },
    { name: "expiry", type: "uint64" },
    { name: "nonce", type: "uint256" },
    { name: "partialFills", type: "bool" },
  ],
} as const;

export type Order = {
  maker: Address;
  taker: Address;
  sellToken: Address;
  sellAmount: bigint;
  buyToken: Address;
  buyAmount: bigint;
  expiry: bigint;
  nonce: bigint;
  partialFills: boolean;
};

/** The secp256k1 group order: (r, n - s) with v flipped is the malleable twin of (r, s). */
export const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

export const START_TOKENS = 1_000_000n * ONE;

export async function deploySigned() {
  const [deployer, maker, taker, other, walletOwner] = await viem.getWalletClients();
  const signed = await viem.deployContract("SignedSwap");
  const tokenA = await viem.deployContract("TestToken", ["Token A", "TKA", 18]);
  const tokenB = await viem.deployContract("TestToken", ["Token B", "TKB", 6]);
  const reentrant = await viem.deployContract("ReentrantToken");
  const falseRet = await viem.deployContract("FalseReturnToken");
  const blocking = await viem.deployContract("BlockingToken");
  const hostileView = await viem.deployContract("HostileViewToken");
  const wallet = await viem.deployContract("Eip1271Wallet", [walletOwner.account.address]);
  const tokens = [tokenA, tokenB, reentrant, falseRet, blocking, hostileView];
  for (const token of tokens) {
    for (const party of [maker, taker, other]) {
      await party.writeContract({ address: token.address, abi: mintAbi, functionName: "mint", args: [party.account.address, START_TOKENS] });
      await party.writeContract({ address: token.address, abi: approveAbi, functionName: "approve", args: [signed.address, maxUint256] });
    }
    await deployer.writeContract({ address: token.address, abi: mintAbi, functionName: "mint", args: [wallet.address, START_TOKENS] });
    await wallet.write.approve([token.address, signed.address, maxUint256]);
  }
  const chainId = await publicClient.getChainId();
  return { signed, tokenA, tokenB, reentrant, falseRet, blocking, hostileView, wallet, deployer, maker, taker, other, walletOwner, chainId };
}

export type SignedWorld = Awaited<ReturnType<typeof deploySigned>>;

export function signedWorld(): Promise<SignedWorld> {
  return loadFixture(deploySigned);
}

/** 100 A for 250 B from the maker to anyone, no expiry, nonce 7, all or nothing. */
export function defaultOrder(w: SignedWorld, overrides: Partial<Order> = {}): Order {
  return {
    maker: w.maker.account.address,
    taker: zeroAddress,
    sellToken: w.tokenA.address,
    sellAmount: 100n * ONE,
    buyToken: w.tokenB.address,
    buyAmount: 250n * 10n ** 6n,
    expiry: 0n,
    nonce: 7n,
    partialFills: false,
    ...overrides,
  };
}

/** The SPEC domain; override parts of it to sign for the wrong chain or contract. */
export function domain(w: SignedWorld, overrides: { chainId?: number; verifyingContract?: Address } = {}) {
  return { name: "Peerlock", version: "1", chainId: w.chainId, verifyingContract: w.signed.address, ...overrides };
}

/** `order` signed by `signer` (the maker unless said otherwise) over the SPEC domain. */
export function sign(
  w: SignedWorld,
  order: Order,
  signer: SignedWorld["maker"] = w.maker,
  domainOverrides: Parameters<typeof domain>[1] = {},
): Promise<Hex> {
  return signer.signTypedData({
    account: signer.account,
    domain: domain(w, domainOverrides),
    types: ORDER_TYPES,
    primaryType: "Order",
    message: order,
  });
}

/** The high-s twin of a low-s signature: valid for ecrecover, refused by SignedSwap. */
export function malleate(signature: Hex): Hex {
  const { r, s, yParity } = parseSignature(signature);
  const highS = SECP256K1_N - BigInt(s);
  return serializeSignature({ r, s: `0x${highS.toString(16).padStart(64, "0")}`, yParity: yParity === 0 ? 1 : 0 });
}
