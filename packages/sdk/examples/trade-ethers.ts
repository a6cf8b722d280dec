// Both trade kinds against a running chain, with nothing but @peerlock/sdk/ethers and ethers v6
// (the same steps as examples/trade.ts, which uses viem).
//   pnpm dev                                          (in another terminal)
//   pnpm --filter @peerlock/sdk example:trade-ethers  (RPC_URL defaults to http://127.0.0.1:8545)
// Addresses come from the SDK's deployment for the node's chain id; SWAP_ESCROW, DEAL_ESCROW
// and USD_TOKEN override them (the SDK's test runs this against contracts it deployed itself).
import {
  DealStatus,
  connectEscrows,
  connectTestToken,
  dealStatusName,
  getDeployment,
  hashTerms,
  offerStatusName,
  quoteFill,
} from "@peerlock/sdk/ethers";
import {
  type ContractTransactionResponse,
  formatUnits,
  HDNodeWallet,
  type Interface,
  JsonRpcProvider,
  parseEther,
  parseUnits,
  ZeroAddress,
} from "ethers";

/** Hardhat's public dev mnemonic: its keys hold test ETH on every local node, and nothing anywhere else. */
const DEV_MNEMONIC = "test test test test test test test test test test test junk";
const rpcUrl = process.env.RPC_URL ?? "http://127.0.0.1:8545";

const provider = new JsonRpcProvider(rpcUrl, undefined, { pollingInterval: 200, cacheTimeout: -1 });
const chainId = Number((await provider.getNetwork()).chainId);
const deployment = getDeployment(chainId);
const swapAddress = process.env.SWAP_ESCROW ?? deployment?.swapEscrow.address;
const dealAddress = process.env.DEAL_ESCROW ?? deployment?.dealEscrow.address;
const usdAddress = process.env.USD_TOKEN ?? deployment?.tokens.find((t) => t.symbol === "tUSD")?.address;
if (!swapAddress || !dealAddress || !usdAddress) {
  throw new Error(`@peerlock/sdk has no deployment with tUSD for chain ${chainId}: run pnpm dev (or pnpm deploy:local) first`);
}

const wallet = (index: number) => HDNodeWallet.fromPhrase(DEV_MNEMONIC, undefined, `m/44'/60'/0'/0/${index}`).connect(provider);
const [maker, taker, arbiter] = [wallet(6), wallet(7), wallet(8)];
const asMaker = connectEscrows({ swapEscrow: swapAddress, dealEscrow: dealAddress }, maker);
const swapAsTaker = asMaker.swapEscrow.connect(taker);
const dealAsTaker = asMaker.dealEscrow.connect(taker);
const usd = connectTestToken(usdAddress, maker);
const decimals = Number(await usd.decimals());

/** Sends, waits for the receipt, and fails loudly if the transaction reverted. */
async function mined(sent: Promise<ContractTransactionResponse>) {
  const receipt = await (await sent).wait();
  if (!receipt || receipt.status !== 1) throw new Error("transaction failed");
  return receipt;
}

/** The first `name` event `iface` decodes from a receipt's logs. */
function eventArgs(iface: Interface, logs: readonly { topics: readonly string[]; data: string }[], name: string) {
  for (const log of logs) {
    const parsed = iface.parseLog({ topics: [...log.topics], data: log.data });
    if (parsed?.name === name) return parsed.args;
  }
  throw new Error(`no ${name} event`);
}

// 1. An offer: the maker sells 1 ETH for 3,000 tUSD; the taker fills a quarter of it.
const price = parseUnits("3000", decimals);
await mined(usd.connect(taker).mint(taker.address, price));
const created = await mined(
  asMaker.swapEscrow.createOffer(ZeroAddress, parseEther("1"), usdAddress, price, ZeroAddress, 0n, true, { value: parseEther("1") }),
);
const offerId: bigint = eventArgs(asMaker.swapEscrow.interface, created.logs, "OfferCreated").offerId;
const offer = await swapAsTaker.getOffer(offerId);
const fill = parseEther("0.25");
const cost = quoteFill(offer, fill);
if (cost !== (await swapAsTaker.quoteFill(offerId, fill))) throw new Error("the SDK's quote differs from the contract's");
await mined(usd.connect(taker).approve(swapAddress, cost));
await mined(swapAsTaker.fillOffer(offerId, fill));
const afterFill = await swapAsTaker.getOffer(offerId);
console.log(
  `offer ${offerId}: taker paid ${formatUnits(cost, decimals)} tUSD for 0.25 ETH; ${formatUnits(afterFill.sellRemaining, 18)} ETH left, ${offerStatusName(Number(afterFill.status))}`,
);

// 2. A deal: the maker sells 500 tUSD against a bank transfer; the taker buys, pays, and gets it.
const terms = "Buyer pays 460 EUR by SEPA transfer, reference PEERLOCK-EXAMPLE.";
const amount = parseUnits("500", decimals);
await mined(usd.mint(maker.address, amount));
await mined(usd.approve(dealAddress, amount));
const opened = await mined(asMaker.dealEscrow.openDeal(usdAddress, amount, ZeroAddress, arbiter.address, 100, 3600, hashTerms(terms)));
const dealId: bigint = eventArgs(asMaker.dealEscrow.interface, opened.logs, "DealOpened").dealId;
await mined(dealAsTaker.takeDeal(dealId));
await mined(dealAsTaker.markPaid(dealId));
await mined(asMaker.dealEscrow.release(dealId));
const deal = await dealAsTaker.getDeal(dealId);
if (Number(deal.status) !== DealStatus.Released || deal.termsHash !== hashTerms(terms))
  throw new Error("the deal did not end released with its terms");
console.log(
  `deal ${dealId}: ${formatUnits(amount, decimals)} tUSD ${dealStatusName(Number(deal.status)).toLowerCase()} to the buyer; terms hash matches`,
);
provider.destroy();
