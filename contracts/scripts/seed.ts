// Fills a fresh development chain with demo balances, offers and deals so the app is alive on
// first open. Talks to the chain only through @peerlock/sdk and viem, like any integrator.
//   pnpm --filter @peerlock/contracts seed:local
import { writeFileSync } from "node:fs";
import {
  dealEscrowAbi,
  encodeOrderLink,
  getDeployment,
  hashDealTerms,
  hashPrivateDetails,
  nextUnusedNonce,
  type PublicTerms,
  serializePublicTerms,
  signOrder,
  swapEscrowAbi,
  testTokenAbi,
  type TokenInfo,
} from "@peerlock/sdk";
import { network } from "hardhat";
import { type Address, type Hash, maxUint256, parseEther, parseUnits, toHex, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** The public mnemonic every Hardhat node funds: never use it for anything of value. */
const HARDHAT_DEV_MNEMONIC = "test test test test test test test test test test test junk";
const HOUR = 3_600;
const DAY = 24 * HOUR;

/**
 * The demo deals' terms (SPEC "Deal room"): public terms anyone reads and private payment
 * details, both in the share link and committed to on chain by hashDealTerms.
 */
type DemoTerms = { public: PublicTerms; private: string };
const DEMO_TERMS: DemoTerms[] = [
  {
    public: {
      pricePerUnit: "0.92",
      fiatCurrency: "EUR",
      paymentMethod: "SEPA transfer",
      minFiat: "",
      maxFiat: "",
      notes: "Pay 920.00 EUR within 1 hour, reference PEERLOCK-1.",
    },
    private: "IBAN DE02 1203 0000 0000 2020 51, Alice Example",
  },
  {
    public: {
      pricePerUnit: "2500",
      fiatCurrency: "USD",
      paymentMethod: "Cash in person",
      minFiat: "",
      maxFiat: "",
      notes: "1,250.00 USD at the agreed meeting point; seller releases on receipt.",
    },
    private: "Meeting point: Union Square, north side, weekdays 12:00-13:00.",
  },
  {
    public: {
      pricePerUnit: "3200",
      fiatCurrency: "GBP",
      paymentMethod: "Faster Payments",
      minFiat: "",
      maxFiat: "",
      notes: "Pay 640.00 GBP, reference PEERLOCK-3.",
    },
    private: "Sort code 20-00-00, account 55779911, Alice Example",
  },
];
const termsHashOf = (t: DemoTerms) => hashDealTerms(serializePublicTerms(t.public), t.private);

const { viem } = await network.getOrCreate();
const publicClient = await viem.getPublicClient();
const chainId = await publicClient.getChainId();
const deployment = getDeployment(chainId);
if (!deployment) throw new Error(`No Peerlock deployment for chain ${chainId}: run the deploy first.`);

const [alice, bob, carol, dave, erin] = await viem.getWalletClients();
const token = (symbol: string): TokenInfo => {
  const found = deployment.tokens.find((t) => t.symbol === symbol);
  if (!found) throw new Error(`The deployment has no ${symbol} test token`);
  return found;
};
const usd = token("tUSD");
const weth = token("tWETH");
const btc = token("tBTC");
const swap = deployment.swapEscrow.address;
const deal = deployment.dealEscrow.address;
const signedSwap = deployment.signedSwap.address;
const amount = (t: TokenInfo, value: string) => parseUnits(value, t.decimals);
const wait = (hash: Hash) => publicClient.waitForTransactionReceipt({ hash });

// Balances and unlimited approvals for the first five dev accounts.
for (const wallet of [alice, bob, carol, dave, erin]) {
  const account = wallet.account.address;
  for (const [t, whole] of [
    [usd, "1000000"],
    [weth, "1000"],
    [btc, "100"],
  ] as const) {
    await wait(await wallet.writeContract({ address: t.address, abi: testTokenAbi, functionName: "mint", args: [account, amount(t, whole)] }));
    for (const spender of [swap, deal, signedSwap]) {
      await wait(await wallet.writeContract({ address: t.address, abi: testTokenAbi, functionName: "approve", args: [spender, maxUint256] }));
    }
  }
}

const now = (await publicClient.getBlock()).timestamp;
const appUrl = process.env.PEERLOCK_APP_URL ?? "http://localhost:3000";
type OfferSeed = [
  maker: typeof alice,
  sell: Address,
  sellAmount: bigint,
  buy: Address,
  buyAmount: bigint,
  taker: Address,
  expiry: bigint,
  partial: boolean,
];
const offers: OfferSeed[] = [
  [alice, weth.address, amount(weth, "2"), usd.address, amount(usd, "6000"), zeroAddress, 0n, true],
  [bob, usd.address, amount(usd, "5000"), zeroAddress, parseEther("1.5"), zeroAddress, now + BigInt(7 * DAY), false],
  [alice, zeroAddress, parseEther("1"), usd.address, amount(usd, "3050"), zeroAddress, now + BigInt(3 * DAY), true],
  [carol, btc.address, amount(btc, "0.1"), weth.address, amount(weth, "2.4"), bob.account.address, 0n, false],
  [bob, btc.address, amount(btc, "0.5"), usd.address, amount(usd, "31000"), zeroAddress, 0n, true],
];
for (const [maker, sell, sellAmount, buy, buyAmount, taker, expiry, partial] of offers) {
  await wait(
    await maker.writeContract({
      address: swap,
      abi: swapEscrowAbi,
      functionName: "createOffer",
      args: [sell, sellAmount, buy, buyAmount, taker, expiry, partial],
      value: sell === zeroAddress ? sellAmount : 0n,
    }),
  );
}

type DealSeed = [
  seller: typeof alice,
  token: Address,
  amount: bigint,
  buyer: Address,
  arbiter: Address,
  feeBps: number,
  window: number,
  terms: DemoTerms,
];
const deals: DealSeed[] = [
  [alice, usd.address, amount(usd, "1000"), zeroAddress, erin.account.address, 100, HOUR, DEMO_TERMS[0]],
  [bob, zeroAddress, parseEther("0.5"), carol.account.address, erin.account.address, 50, 2 * HOUR, DEMO_TERMS[1]],
  [alice, weth.address, amount(weth, "0.2"), zeroAddress, dave.account.address, 0, DAY, DEMO_TERMS[2]],
];
for (const [seller, t, value, buyer, arbiter, feeBps, window, terms] of deals) {
  await wait(
    await seller.writeContract({
      address: deal,
      abi: dealEscrowAbi,
      functionName: "openDeal",
      args: [t, value, buyer, arbiter, feeBps, window, termsHashOf(terms)],
      value: t === zeroAddress ? value : 0n,
    }),
  );
}

// Signed offers: the maker approved SignedSwap above and only signs (no transaction); the
// order lives in its share link until a taker fills it.
type SignedSeed = [
  maker: typeof alice,
  sell: TokenInfo,
  sellAmount: string,
  buy: TokenInfo,
  buyAmount: string,
  taker: Address,
  expiry: bigint,
  partial: boolean,
];
const signedOffers: SignedSeed[] = [
  [alice, weth, "1", usd, "3000", zeroAddress, 0n, true],
  [carol, usd, "2500", weth, "0.8", zeroAddress, now + BigInt(7 * DAY), false],
  [dave, btc, "0.05", usd, "3100", zeroAddress, now + BigInt(3 * DAY), true],
];
const signedLinks: string[] = [];
const signedBodies: unknown[] = [];
const nextNonce = new Map<Address, bigint>();
for (const [maker, sell, sellAmount, buy, buyAmount, taker, expiry, partialFills] of signedOffers) {
  const makerAddress = maker.account.address;
  // signing uses no nonce on chain: count on from the first unused one per maker
  const nonce = nextNonce.get(makerAddress) ?? (await nextUnusedNonce(publicClient, signedSwap, makerAddress));
  nextNonce.set(makerAddress, nonce + 1n);
  const order = {
    maker: makerAddress,
    taker,
    sellToken: sell.address,
    sellAmount: amount(sell, sellAmount),
    buyToken: buy.address,
    buyAmount: amount(buy, buyAmount),
    expiry,
    nonce,
    partialFills,
  };
  const signed = await signOrder(maker, order, { chainId, verifyingContract: signedSwap });
  signedBodies.push(signed);
  signedLinks.push(`${sellAmount} ${sell.symbol} for ${buyAmount} ${buy.symbol}\n     ${appUrl}/signed#${encodeOrderLink(signed)}`);
}

// `pnpm dev` posts these to the app's order book once it is up (@peerlock/devkit seedOrders): the
// body POST /api/orders takes, with its uint256s as decimal strings.
if (process.env.PEERLOCK_SEED_ORDERS_FILE) {
  writeFileSync(
    process.env.PEERLOCK_SEED_ORDERS_FILE,
    JSON.stringify(signedBodies, (_, v) => (typeof v === "bigint" ? v.toString() : v), 2),
  );
}

const firstDealId = (await publicClient.readContract({ address: deal, abi: dealEscrowAbi, functionName: "dealCount" })) - BigInt(deals.length) + 1n;
console.log(`Seeded ${offers.length} offers, ${signedOffers.length} signed offers and ${deals.length} deals on chain ${chainId}.`);
console.log("\nDemo deals: their share links carry the public terms and the private details' hash, checked against the chain:");
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
DEMO_TERMS.forEach((terms, i) => {
  console.log(`  ${appUrl}/deals/${firstDealId + BigInt(i)}#pub=${b64(serializePublicTerms(terms.public))}&ph=${hashPrivateDetails(terms.private)}`);
});
// `pnpm dev` and the e2e harness publish these to the deal room once the app is up (@peerlock/devkit seedTerms).
if (process.env.PEERLOCK_SEED_TERMS_FILE) {
  const sellerIndex = (w: typeof alice) => [alice, bob, carol, dave, erin].indexOf(w);
  const records = deals.map(([w, , , , , , , terms], i) => ({
    dealId: String(firstDealId + BigInt(i)),
    sellerIndex: sellerIndex(w),
    publicTerms: serializePublicTerms(terms.public),
    privateDetails: terms.private,
    escrow: deal,
  }));
  writeFileSync(process.env.PEERLOCK_SEED_TERMS_FILE, JSON.stringify(records, null, 2));
}

console.log("\nSigned offers (gasless: each link holds the whole order and its signature; fill it with SignedSwap):");
signedLinks.forEach((link, i) => console.log(`  ${i + 1}. ${link}`));

const roles = [
  "maker of offers 1 and 3 and signed offer 1, seller of deals 1 and 3",
  "maker of offers 2 and 5, seller of deal 2, named taker of offer 4",
  "maker of private offer 4 and signed offer 2, named buyer of deal 2",
  "maker of signed offer 3, arbiter of deal 3",
  "arbiter of deals 1 and 2",
];
console.log("\nDev accounts (import a private key into your wallet; local chain only):");
roles.forEach((role, i) => {
  const account = mnemonicToAccount(HARDHAT_DEV_MNEMONIC, { addressIndex: i });
  console.log(`  #${i} ${account.address}  key ${toHex(account.getHdKey().privateKey!)}\n      ${role}`);
});
