// Journey 2: an ERC-20 for ERC-20 offer. The maker creates it (the approval happens inside the
// flow), the taker opens the share link and fills part of it, the maker cancels the rest.
// Every balance that moved is checked to the unit.
import assert from "node:assert/strict";
import { OfferStatus, quoteFill } from "@peerlock/sdk";
import { parseUnits } from "viem";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { allowance, balanceOf, deployment, getOffer, latestTimestamp, mine, offerCount, revokeApproval, setAutomine, token } from "../chain.ts";
import { appUrl, ROLES } from "../config.ts";
import { connect, exactAmount, waitConfirmed, waitForText } from "../ui.ts";

const J = "2-erc20-offer";
const DAY = 86_400n;

export async function erc20OfferJourney({ context, wallet }: Session): Promise<void> {
  const weth = token("tWETH");
  const usd = token("tUSD");
  const swap = deployment().swapEscrow.address;
  const sellAmount = parseUnits("3", weth.decimals);
  const buyAmount = parseUnits("9000", usd.decimals);
  const fillAmount = parseUnits("1.25", weth.decimals);

  // The seed approved everything for everyone; take it back so the approval step really runs.
  await revokeApproval(weth.address, "maker", swap);
  await revokeApproval(usd.address, "taker", swap);
  const start = {
    makerWeth: await balanceOf(weth.address, "maker"),
    makerUsd: await balanceOf(usd.address, "maker"),
    takerWeth: await balanceOf(weth.address, "taker"),
    takerUsd: await balanceOf(usd.address, "taker"),
    escrowWeth: await balanceOf(weth.address, swap),
  };
  const expectedId = (await offerCount()) + 1n;

  // The maker creates the offer.
  await wallet.use("maker");
  const page = await freshPage({ context });
  await page.goto("/offers/new");
  await connect(page, wallet);
  await page.getByTestId("sell-token").locator("select").selectOption(weth.address);
  await page.getByTestId("buy-token").locator("select").selectOption(usd.address);
  await page.getByLabel(/^Amount to sell/).fill("3");
  await page.getByLabel(/^Amount to receive/).fill("9,000");
  await page.getByLabel("Expiry").selectOption({ label: "In 1 day" });
  await waitForText(page.getByTestId("price-preview"), "1 tWETH = 3,000 tUSD");
  await screenshot(page, J, "new-offer-filled", "new-offer");

  const sentFrom = wallet.calls.length;
  await page.getByRole("button", { name: "Create offer" }).click();
  await waitForText(page.getByTestId("tx-status"), /Approve 3 tWETH/);
  await page.waitForURL(`**/offers/${expectedId}`, { timeout: 30_000 });
  assert.equal(wallet.sentTransactions(sentFrom).length, 2, "one approval, then createOffer");

  const offer = await getOffer(expectedId);
  assert.equal(offer.maker, ROLES.maker);
  assert.equal(offer.sellToken, weth.address);
  assert.equal(offer.buyToken, usd.address);
  assert.equal(offer.sellAmount, sellAmount);
  assert.equal(offer.buyAmount, buyAmount);
  assert.equal(offer.sellRemaining, sellAmount);
  assert.equal(offer.status, OfferStatus.Open);
  assert.equal(offer.partialFills, true);
  assert.equal(offer.taker, "0x0000000000000000000000000000000000000000");
  const now = await latestTimestamp();
  assert.ok(offer.expiry > now + DAY - 600n && offer.expiry <= now + DAY + 600n, `expiry about a day ahead: ${offer.expiry} vs ${now}`);
  assert.equal(await allowance(weth.address, "maker", swap), 0n, "the approval was exactly the amount, and is used up");
  assert.equal(await balanceOf(weth.address, "maker"), start.makerWeth - sellAmount);
  assert.equal(await balanceOf(weth.address, swap), start.escrowWeth + sellAmount);

  await waitForText(page.getByTestId("offer-status"), "Open");
  const shareLink = await waitForText(page.getByTestId("share-link"), `/offers/${expectedId}`);
  assert.equal(shareLink, `${appUrl}/offers/${expectedId}`);
  await screenshot(page, J, "offer-created");

  // The taker opens the link and buys part of it.
  await wallet.use("taker");
  const takerPage = await freshPage({ context });
  await takerPage.goto(shareLink);
  await connect(takerPage, wallet);
  const panel = takerPage.getByTestId("fill-panel");
  await panel.getByLabel("Amount to buy (tWETH)").fill("1.25");
  const price = quoteFill(offer, fillAmount);
  assert.equal(price, parseUnits("3750", usd.decimals));
  await waitForText(takerPage.getByTestId("fill-quote"), "You pay 3,750 tUSD");
  await screenshot(takerPage, J, "taker-fill-quote", "offer");
  const fillFrom = wallet.calls.length;
  await panel.getByRole("button", { name: "Fill" }).click();
  await waitConfirmed(takerPage, "Fill");
  assert.equal(wallet.sentTransactions(fillFrom).length, 2, "approval of the quote, then fillOffer");

  const afterFill = await getOffer(expectedId);
  assert.equal(afterFill.sellRemaining, sellAmount - fillAmount);
  assert.equal(afterFill.status, OfferStatus.Open);
  assert.equal(await balanceOf(weth.address, "taker"), start.takerWeth + fillAmount);
  assert.equal(await balanceOf(usd.address, "taker"), start.takerUsd - price);
  assert.equal(await balanceOf(usd.address, "maker"), start.makerUsd + price);
  await waitForText(takerPage.getByTestId("offer-remaining"), "1.75 tWETH");
  await screenshot(takerPage, J, "partly-filled");

  // The maker cancels the rest from the same page: switching accounts in the wallet is enough.
  await wallet.use("maker");
  // This time each state of the transaction is held long enough to be seen: the prompt stays
  // open in the wallet, then the transaction waits in the mempool until a block is mined.
  const status = takerPage.getByTestId("tx-status");
  const prompt = wallet.holdNextPrompt();
  const sentBefore = wallet.sentTransactions().length;
  await takerPage.getByRole("button", { name: "Cancel offer" }).click();
  await prompt.reached;
  await waitForText(status, "Cancel offer: confirm in your wallet.");
  await screenshot(takerPage, J, "cancel-confirm-in-wallet");
  await setAutomine(false);
  try {
    prompt.release();
    await waitForText(status, "Cancel offer: waiting for the transaction to be included…");
    assert.equal(wallet.sentTransactions().length, sentBefore + 1);
    assert.equal((await getOffer(expectedId)).status, OfferStatus.Open, "not mined yet");
    await screenshot(takerPage, J, "cancel-pending");
    await mine();
  } finally {
    await setAutomine(true);
  }
  await waitConfirmed(takerPage, "Cancel offer");
  await waitForText(takerPage.getByTestId("offer-status"), "Cancelled");
  const cancelled = await getOffer(expectedId);
  assert.equal(cancelled.status, OfferStatus.Cancelled);
  assert.equal(await balanceOf(weth.address, "maker"), start.makerWeth - fillAmount, "the unfilled 1.75 tWETH came back");
  assert.equal(await balanceOf(usd.address, "maker"), start.makerUsd + price);
  assert.equal(await balanceOf(weth.address, swap), start.escrowWeth, "the escrow holds nothing of this offer any more");
  assert.equal(await exactAmount(takerPage.getByTestId("offer-remaining"), weth.decimals), cancelled.sellRemaining);
  await screenshot(takerPage, J, "cancelled");
}
