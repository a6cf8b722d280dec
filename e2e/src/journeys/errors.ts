// Journey 5: when things go wrong. The wallet on another network gets a banner and a switch
// (a refused switch is a calm message); a rejected signature is a cancel that changes nothing;
// an expired offer's fill shows the contract's reason in words; malformed links explain
// themselves. Runs last: it moves the chain's clock forward.
import assert from "node:assert/strict";
import { OfferStatus } from "@peerlock/sdk";
import { parseEther, parseUnits, zeroAddress } from "viem";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { allowance, balanceOf, createOfferAs, deployment, getOffer, increaseTime, latestTimestamp, token } from "../chain.ts";
import { APP_CHAIN_ID, OTHER_CHAIN_ID } from "../config.ts";
import { appAlerts, connect, waitConfirmed, waitForText } from "../ui.ts";

const J = "5-errors";
const HOUR = 3_600n;

export async function errorsJourney(session: Session): Promise<void> {
  await wrongNetwork(session);
  await rejectedSignature(session);
  await expiredOffer(session);
  await malformedLinks(session);
}

async function wrongNetwork({ context, wallet }: Session): Promise<void> {
  await wallet.use("maker");
  const page = await freshPage({ context });
  await page.goto("/");
  await connect(page, wallet);

  await wallet.switchChain(OTHER_CHAIN_ID);
  const banner = page.getByTestId("wrong-network");
  // A network viem's chain list does not know is named by its id ("Ethereum" for chain 1).
  await waitForText(banner, `Your wallet is on Chain ${OTHER_CHAIN_ID}.`);
  await waitForText(banner, "Peerlock here runs on Hardhat (chain 31337)");
  await screenshot(page, J, "wrong-network");

  // Refusing the switch in the wallet is a calm note, and the banner stays.
  wallet.rejectNext();
  const switchButton = banner.getByRole("button", { name: "Switch to Hardhat" });
  await switchButton.click();
  await waitForText(banner.getByRole("status"), "Cancelled in wallet.");
  assert.equal(wallet.chainId, OTHER_CHAIN_ID);
  assert.equal(await appAlerts(page).count(), 0, "a refusal is not an error");
  await screenshot(page, J, "switch-refused");

  await switchButton.click();
  await banner.waitFor({ state: "detached" });
  assert.equal(wallet.chainId, APP_CHAIN_ID);
  await waitForText(page.getByTestId("wallet-chain"), "Hardhat");
}

async function rejectedSignature({ context, wallet }: Session): Promise<void> {
  const usd = token("tUSD");
  const weth = token("tWETH");
  const swap = deployment().swapEscrow.address;
  // Seeded offer #1: 2 tWETH for 6,000 tUSD, partial fills, never expires.
  const offerId = 1n;
  const offer = await getOffer(offerId);
  assert.equal(offer.status, OfferStatus.Open);
  const before = {
    usd: await balanceOf(usd.address, "taker"),
    weth: await balanceOf(weth.address, "taker"),
    allowance: await allowance(usd.address, "taker", swap),
  };

  await wallet.use("taker");
  const page = await freshPage({ context });
  await page.goto(`/offers/${offerId}`);
  await connect(page, wallet);
  const panel = page.getByTestId("fill-panel");
  await panel.getByLabel("Amount to buy (tWETH)").fill("0.1");
  await waitForText(page.getByTestId("fill-quote"), "You pay 300 tUSD");

  const mark = wallet.calls.length;
  wallet.rejectNext();
  await panel.getByRole("button", { name: "Fill" }).click();
  const status = page.getByTestId("tx-status");
  await waitForText(status, "Cancelled in wallet. Nothing was sent.");
  assert.equal(await status.locator("[data-phase]").getAttribute("data-phase"), "cancelled");
  assert.equal(wallet.rejectionPending, false, "the app did ask the wallet");
  assert.equal(wallet.sentTransactions(mark).length, 0);
  assert.equal(await appAlerts(page).count(), 0, "a rejection is not shown as an error");
  assert.equal(await panel.getByRole("button", { name: "Fill" }).isEnabled(), true, "the person can simply try again");
  await screenshot(page, J, "signature-rejected");

  assert.deepEqual(await getOffer(offerId), offer, "the offer did not change");
  assert.equal(await balanceOf(usd.address, "taker"), before.usd);
  assert.equal(await balanceOf(weth.address, "taker"), before.weth);
  assert.equal(await allowance(usd.address, "taker", swap), before.allowance);

  // Trying again goes through: the rejection left nothing stuck.
  await panel.getByRole("button", { name: "Fill" }).click();
  await waitConfirmed(page, "Fill");
  assert.equal((await getOffer(offerId)).sellRemaining, offer.sellRemaining - parseUnits("0.1", weth.decimals));
  assert.equal(await balanceOf(usd.address, "taker"), before.usd - parseUnits("300", usd.decimals));
}

async function expiredOffer({ context, wallet }: Session): Promise<void> {
  const btc = token("tBTC");
  // A fixture made on chain directly: 0.01 tBTC for 0.2 ETH, expiring in an hour.
  const expiry = (await latestTimestamp()) + HOUR;
  const id = await createOfferAs("maker", {
    sellToken: btc.address,
    sellAmount: parseUnits("0.01", btc.decimals),
    buyToken: zeroAddress,
    buyAmount: parseEther("0.2"),
    expiry,
    partialFills: false,
  });
  const offer = await getOffer(id);
  assert.equal(offer.expiry, expiry);

  await wallet.use("taker");
  const page = await freshPage({ context });
  await page.goto(`/offers/${id}`);
  await connect(page, wallet);
  await waitForText(page.getByTestId("offer-status"), "Open");
  await waitForText(page.getByTestId("fill-quote"), "You pay 0.2 ETH");
  const fill = page.getByTestId("fill-panel").getByRole("button", { name: "Fill" });
  assert.equal(await fill.isEnabled(), true);

  // Two hours pass on chain while the page is open; the taker clicks Fill anyway.
  await increaseTime(2 * 3600);
  assert.ok((await latestTimestamp()) >= expiry);
  const mark = wallet.calls.length;
  await fill.click();
  const status = page.getByTestId("tx-status");
  await waitForText(status, "Fill failed: This offer has expired and can no longer be filled.");
  assert.equal(await status.locator("[data-phase]").getAttribute("data-phase"), "failed");
  assert.equal(wallet.sentTransactions(mark).length, 0, "the simulation caught it before anything was signed");
  await screenshot(page, J, "expired-fill-reason");
  assert.deepEqual(await getOffer(id), offer, "the offer is untouched");

  // After a reload the page itself knows the offer expired: no Fill, the maker may cancel.
  await page.reload();
  await waitForText(page.getByTestId("offer-status"), "Expired");
  assert.equal(await page.getByTestId("fill-panel").count(), 0);
}

async function malformedLinks({ context, wallet }: Session): Promise<void> {
  await wallet.use("buyer");
  const page = await freshPage({ context });

  await page.goto("/offers/abc");
  await waitForText(page.locator("main").getByRole("alert"), "This link does not point to an offer.");
  await waitForText(page.locator("main").getByRole("alert"), "Offer links look like /offers/12.");
  await screenshot(page, J, "bad-offer-link");

  await page.goto("/deals/0x10");
  await waitForText(page.locator("main").getByRole("alert"), "This link does not point to a deal.");

  await page.goto("/offers/999999");
  await waitForText(page.locator("main"), "Offer #999999 does not exist.");

  // Deal #1 is seeded with terms; a link whose fragment is not base64url, and one with other text.
  await page.goto("/deals/1#terms=***not*base64***");
  const check = page.getByTestId("terms-check");
  await waitForText(check, "Unreadable terms in link");
  assert.equal(await check.getAttribute("data-result"), "invalid");
  await waitForText(page.getByTestId("terms"), "not valid base64url");
  await screenshot(page, J, "unreadable-terms");

  const forged = Buffer.from("Buyer pays 1 EUR in cash. Seller releases at once.", "utf8").toString("base64url");
  await page.goto(`/deals/1#terms=${forged}`);
  await waitForText(check, "Terms do NOT match the deal");
  assert.equal(await check.getAttribute("data-result"), "mismatch");
  await waitForText(page.getByTestId("terms"), "not what the seller committed to on chain");
  await screenshot(page, J, "forged-terms");

  await page.goto("/nowhere");
  await waitForText(page.locator("main"), "This page does not exist.");
}
