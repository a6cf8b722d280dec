// Both trade kinds against a running chain, with nothing but @peerlock/sdk and viem.
//   pnpm dev                                   (in another terminal)
//   pnpm --filter @peerlock/sdk example:trade  (RPC_URL defaults to http://127.0.0.1:8545)
import {
  DealStatus,
  dealEscrowAbi,
  dealStatusName,
  getDeployment,
  hashTerms,
  offerStatusName,
  quoteFill,
  readDeals,
  readOffers,
  swapEscrowAbi,
  testTokenAbi,
} from "@peerlock/sdk";
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  formatUnits,
  type Hash,
  http,
  parseEther,
  parseEventLogs,
  parseUnits,
  zeroAddress,
} from "viem";
import { mnemonicToAccount } from "viem/accounts";

/** Hardhat's public dev mnemonic: its keys hold test ETH on every local node, and nothing anywhere else. */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";

const probe = createPublicClient({ transport: http(rpcUrl) });
const chainId = await probe.getChainId();
const deployment = getDeployment(chainId);
if (!deployment) throw new Error(`@peerlock/sdk has no deployment for chain ${chainId}: run pnpm dev (or pnpm deploy:local) first`);

const chain = defineChain({
  id: chainId,
  name: `chain ${chainId}`,
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});
const client = createPublicClient({ chain, transport: http(rpcUrl) });
const wallet = (index: number) =>
  createWalletClient({ chain, transport: http(rpcUrl), account: mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index }) });
const [maker, taker, arbiter] = [wallet(6), wallet(7), wallet(8)];
const wait = (hash: Hash) => client.waitForTransactionReceipt({ hash });

const usd = deployment.tokens.find((t) => t.symbol === "tUSD");
if (!usd) throw new Error("this example needs the local test token tUSD");
const { swapEscrow, dealEscrow } = deployment;

// 1. An offer: the maker sells 1 ETH for 3,000 tUSD; the taker fills a quarter of it.
const price = parseUnits("3000", usd.decimals);
await wait(await taker.writeContract({ address: usd.address, abi: testTokenAbi, functionName: "mint", args: [taker.account.address, price] }));
const created = await wait(
  await maker.writeContract({
    address: swapEscrow.address,
    abi: swapEscrowAbi,
    functionName: "createOffer",
    args: [zeroAddress, parseEther("1"), usd.address, price, zeroAddress, 0n, true],
    value: parseEther("1"),
  }),
);
const [{ args: createdEvent }] = parseEventLogs({ abi: swapEscrowAbi, logs: created.logs, eventName: "OfferCreated" });
const offerId = createdEvent.offerId;
const [offer] = await readOffers(client, swapEscrow.address, [offerId]);
const fill = parseEther("0.25");
const cost = quoteFill(offer, fill);
await wait(await taker.writeContract({ address: usd.address, abi: testTokenAbi, functionName: "approve", args: [swapEscrow.address, cost] }));
await wait(await taker.writeContract({ address: swapEscrow.address, abi: swapEscrowAbi, functionName: "fillOffer", args: [offerId, fill] }));
const [afterFill] = await readOffers(client, swapEscrow.address, [offerId]);
console.log(
  `offer ${offerId}: taker paid ${formatUnits(cost, usd.decimals)} tUSD for 0.25 ETH; ${formatUnits(afterFill.sellRemaining, 18)} ETH left, ${offerStatusName(afterFill.status)}`,
);

// 2. A deal: the maker sells 500 tUSD against a bank transfer; the taker buys, pays, and gets it.
const terms = "Buyer pays 460 EUR by SEPA transfer, reference PEERLOCK-EXAMPLE.";
const amount = parseUnits("500", usd.decimals);
await wait(await maker.writeContract({ address: usd.address, abi: testTokenAbi, functionName: "mint", args: [maker.account.address, amount] }));
await wait(await maker.writeContract({ address: usd.address, abi: testTokenAbi, functionName: "approve", args: [dealEscrow.address, amount] }));
const opened = await wait(
  await maker.writeContract({
    address: dealEscrow.address,
    abi: dealEscrowAbi,
    functionName: "openDeal",
    args: [usd.address, amount, zeroAddress, arbiter.account.address, 100, 3600, hashTerms(terms)],
  }),
);
const [{ args: openedEvent }] = parseEventLogs({ abi: dealEscrowAbi, logs: opened.logs, eventName: "DealOpened" });
const dealId = openedEvent.dealId;
await wait(await taker.writeContract({ address: dealEscrow.address, abi: dealEscrowAbi, functionName: "takeDeal", args: [dealId] }));
await wait(await taker.writeContract({ address: dealEscrow.address, abi: dealEscrowAbi, functionName: "markPaid", args: [dealId] }));
await wait(await maker.writeContract({ address: dealEscrow.address, abi: dealEscrowAbi, functionName: "release", args: [dealId] }));
const [deal] = await readDeals(client, dealEscrow.address, [dealId]);
if (deal.status !== DealStatus.Released || deal.termsHash !== hashTerms(terms)) throw new Error("the deal did not end released with its terms");
console.log(
  `deal ${dealId}: ${formatUnits(amount, usd.decimals)} tUSD ${dealStatusName(deal.status).toLowerCase()} to the buyer; terms hash matches`,
);
