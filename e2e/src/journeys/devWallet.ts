// Journey 8: no wallet extension at all. The visitor picks a Hardhat dev account in the app's
// built-in dev wallet, gets test tokens from the faucet, creates an offer; a fresh account,
// funded on the spot by the dev wallet, fills it. Transactions are signed in the page; every
// balance that moved is checked on chain.
import assert from "node:assert/strict";
import { OfferStatus, testTokenAbi } from "@peerlock/sdk";
import { type Address, getAddress, parseUnits } from "viem";
import { openPlainSession, screenshot } from "../browser.ts";
import { balanceOf, deployment, getOffer, offerCount, publicClient, token } from "../chain.ts";
import { waitConfirmed, waitForText } from "../ui.ts";

const J = "8-dev-wallet";
/** Hardhat dev account #5: funded with ETH by the node, untouched by the seed and other journeys. */
const MAKER = getAddress("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");

async function faucetAmount(address: Address): Promise<bigint> {
  return publicClient.readContract({ address, abi: testTokenAbi, functionName: "faucetAmount" });
}

export async function devWalletJourney(): Promise<void> {
  const session = await openPlainSession();
  try {
    await run(session.context);
    assert.deepEqual(session.pageErrors, [], "the app threw in the page");
  } finally {
    await session.close();
  }
}

async function run(context: Awaited<ReturnType<typeof openPlainSession>>["context"]): Promise<void> {
  const usd = token("tUSD");
  const weth = token("tWETH");
  const page = await context.newPage();
  await page.goto("/");
  assert.equal(await page.evaluate(() => "ethereum" in window), false, "no wallet is injected in this browser");

  // The chooser offers the dev wallet (and no browser wallet: there is none).
  await page.getByRole("button", { name: "Connect wallet" }).click();
  const chooser = page.getByRole("dialog", { name: "Choose a wallet" });
  await chooser.getByRole("button", { name: "Dev wallet (local chain)" }).click();
  assert.equal(await chooser.getByRole("button", { name: /Browser wallet/ }).count(), 0);
  await chooser.getByRole("button", { name: /^Dev account #5 / }).waitFor();
  await screenshot(page, J, "dev-wallet-accounts");
  await chooser.getByRole("button", { name: /^Dev account #5 / }).click();
  await waitForText(page.getByTestId("wallet-address"), MAKER);
  await waitForText(page.getByTestId("wallet-chain"), "Hardhat");

  // Test tokens from the faucet, signed in the page; the card then shows the new balances.
  const before = { usd: await balanceOf(usd.address, MAKER), weth: await balanceOf(weth.address, MAKER) };
  const grant = { usd: await faucetAmount(usd.address), weth: await faucetAmount(weth.address) };
  await page.getByRole("button", { name: "Get test tokens" }).click();
  await waitConfirmed(
    page,
    `Get test ${
      deployment()
        .tokens.filter((t) => t.faucet)
        .at(-1)!.symbol
    }`,
  );
  assert.equal(await balanceOf(usd.address, MAKER), before.usd + grant.usd);
  assert.equal(await balanceOf(weth.address, MAKER), before.weth + grant.weth);
  await page.getByTestId(`faucet-balance-${usd.symbol}`).locator("[title]").waitFor();
  await screenshot(page, J, "faucet-balances");

  // An offer: 100 tUSD for 0.05 tWETH (approval and createOffer both signed in the page).
  const sellAmount = parseUnits("100", usd.decimals);
  const buyAmount = parseUnits("0.05", weth.decimals);
  const expectedId = (await offerCount()) + 1n;
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "New offer" }).click();
  await page.getByTestId("sell-token").locator("select").selectOption(usd.address);
  await page.getByTestId("buy-token").locator("select").selectOption(weth.address);
  await page.getByLabel(/^Amount to sell/).fill("100");
  await page.getByLabel(/^Amount to receive/).fill("0.05");
  await page.getByRole("button", { name: "Create offer" }).click();
  await page.waitForURL(`**/offers/${expectedId}`, { timeout: 30_000 });
  const offer = await getOffer(expectedId);
  assert.equal(offer.maker, MAKER);
  assert.equal(offer.sellAmount, sellAmount);
  assert.equal(offer.buyAmount, buyAmount);
  assert.equal(await balanceOf(usd.address, MAKER), before.usd + grant.usd - sellAmount);
  const link = await waitForText(page.getByTestId("share-link"), `/offers/${expectedId}`);

  // Another account fills it: a fresh key, funded on the spot by the dev wallet.
  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.goto(link);
  await page.getByRole("button", { name: "Connect wallet" }).click();
  await chooser.getByRole("button", { name: "Dev wallet (local chain)" }).click();
  await chooser.getByRole("button", { name: "Fresh account, funded now" }).click();
  const shown = await waitForText(page.getByTestId("wallet-address"), /0x[0-9a-fA-F]{40}/, 60_000);
  const taker = getAddress(shown.match(/0x[0-9a-fA-F]{40}/)![0]);
  assert.notEqual(taker, MAKER);
  assert.equal(await balanceOf(weth.address, taker), grant.weth, "the fresh account got the faucet's tWETH");
  assert.ok((await balanceOf("0x0000000000000000000000000000000000000000", taker)) > 0n, "and ETH for gas");

  const panel = page.getByTestId("fill-panel");
  await panel.getByLabel(`Amount to buy (${usd.symbol})`).fill("100");
  await panel.getByRole("button", { name: "Fill" }).click();
  await waitConfirmed(page, "Fill");
  await screenshot(page, J, "filled-by-fresh-account");

  const filled = await getOffer(expectedId);
  assert.equal(filled.status, OfferStatus.Filled);
  assert.equal(await balanceOf(usd.address, taker), grant.usd + sellAmount, "the taker received the 100 tUSD");
  assert.equal(await balanceOf(weth.address, taker), grant.weth - buyAmount, "and paid 0.05 tWETH");
  assert.equal(await balanceOf(weth.address, MAKER), before.weth + grant.weth + buyAmount, "the maker was paid");
}
