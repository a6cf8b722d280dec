// Journey 6: a signed offer. The maker signs it in the browser (one approval, then a signature:
// no transaction posts it), the taker opens its link, sees it verified, and fills part of it;
// the maker cancels the rest from the same link. Balances are checked to the unit.
import assert from "node:assert/strict";
import { decodeOrderLink, encodeOrderLink, nextUnusedNonce, quoteFill, signedSwapAbi, signOrder } from "@peerlock/sdk";
import { parseUnits, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { allowance, balanceOf, deployment, publicClient, revokeApproval, token } from "../chain.ts";
import { APP_CHAIN_ID, ROLES } from "../config.ts";
import { connect, waitConfirmed, waitForText } from "../ui.ts";

const J = "6-signed-offer";

export async function signedOfferJourney({ context, wallet }: Session): Promise<void> {
  const weth = token("tWETH");
  const usd = token("tUSD");
  const signedSwap = deployment().signedSwap.address;
  const sellAmount = parseUnits("2", weth.decimals);
  const fillAmount = parseUnits("0.5", weth.decimals);

  // The seed approved SignedSwap for everyone; take the maker's back so the approval step runs.
  await revokeApproval(weth.address, "maker", signedSwap);
  const start = {
    makerWeth: await balanceOf(weth.address, "maker"),
    makerUsd: await balanceOf(usd.address, "maker"),
    takerWeth: await balanceOf(weth.address, "taker"),
    takerUsd: await balanceOf(usd.address, "taker"),
  };

  // The maker signs the offer: an approval, then a signature; nothing else is sent.
  await wallet.use("maker");
  const page = await freshPage({ context });
  await page.goto("/offers/new");
  await connect(page, wallet);
  await page
    .getByTestId("offer-kind")
    .getByLabel(/Signed/)
    .check();
  await page.getByTestId("sell-token").locator("select").selectOption(weth.address);
  await page.getByTestId("buy-token").locator("select").selectOption(usd.address);
  await page.getByLabel(/^Amount to sell/).fill("2");
  await page.getByLabel(/^Amount to receive/).fill("5,000");
  await page.getByLabel("Expiry").selectOption({ label: "In 1 day" });
  await waitForText(page.getByTestId("price-preview"), "1 tWETH = 2,500 tUSD");
  const callsFrom = wallet.calls.length;
  await page.getByRole("button", { name: "Sign offer" }).click();
  const linkText = await waitForText(page.getByTestId("signed-offer-link"), /\/signed#/, 30_000);
  assert.equal(wallet.sentTransactions(callsFrom).length, 1, "only the approval is a transaction");
  assert.equal(wallet.calls.slice(callsFrom).filter((c) => c.method === "eth_signTypedData_v4").length, 1, "one signature");
  assert.equal(await allowance(weth.address, "maker", signedSwap), sellAmount, "approved for the offer's amount");
  assert.equal(await balanceOf(weth.address, "maker"), start.makerWeth, "the maker keeps the tokens");
  const signed = decodeOrderLink(linkText.slice(linkText.indexOf("#") + 1));
  assert.equal(signed.order.maker, ROLES.maker);
  assert.equal(signed.order.sellAmount, sellAmount);
  assert.equal(signed.order.buyAmount, parseUnits("5000", usd.decimals));
  assert.equal(signed.order.partialFills, true);
  await screenshot(page, J, "signed");

  // The book lists it at once, in the market and in the maker's My trades.
  await waitForText(page.getByTestId("signed-offer-book"), "Order book: posted.");
  await waitForText(page.getByTestId("signed-offer-relays"), "Relays: 2 of 2 accepted.");
  await waitForText(page.getByTestId("signed-offer-listed"), "Listed in the market.");
  await page.goto("/me");
  await waitForText(page.getByTestId("my-signed-offers"), /2 tWETH/, 30_000);

  // The taker opens the link: verified in the browser, fillable; buys part of it.
  await wallet.use("taker");
  const takerPage = await freshPage({ context });
  await takerPage.goto(linkText);
  await connect(takerPage, wallet);
  await waitForText(takerPage.getByTestId("signed-signature"), "Signed by the maker");
  await waitForText(takerPage.getByTestId("signed-fillable"), "Fillable now.");
  const panel = takerPage.getByTestId("signed-fill-panel");
  await panel.getByLabel("Amount to buy (tWETH)").fill("0.5");
  const price = quoteFill(signed.order, fillAmount);
  await waitForText(takerPage.getByTestId("signed-fill-quote"), "You pay 1,250 tUSD");
  await screenshot(takerPage, J, "taker-fill");
  await panel.getByRole("button", { name: "Fill" }).click();
  await waitConfirmed(takerPage, "Fill");
  assert.equal(await balanceOf(weth.address, "taker"), start.takerWeth + fillAmount);
  assert.equal(await balanceOf(usd.address, "taker"), start.takerUsd - price);
  assert.equal(await balanceOf(weth.address, "maker"), start.makerWeth - fillAmount);
  assert.equal(await balanceOf(usd.address, "maker"), start.makerUsd + price);
  await waitForText(takerPage.getByTestId("signed-remaining"), "1.5 tWETH");

  // The maker cancels the rest from the link.
  await wallet.use("maker");
  await takerPage.reload();
  const callsBeforeCancel = wallet.calls.length;
  await takerPage.getByTestId("signed-cancel").click();
  // One click only asks: nothing reaches the wallet before "Yes, cancel this offer".
  await takerPage.getByTestId("signed-cancel-confirm").waitFor();
  assert.equal(wallet.sentTransactions(callsBeforeCancel).length, 0, "the first click sends nothing");
  await takerPage.getByTestId("signed-cancel-confirm").click();
  await waitConfirmed(takerPage, "Cancel offer");
  const used = await publicClient.readContract({
    address: signedSwap,
    abi: signedSwapAbi,
    functionName: "isNonceUsed",
    args: [signed.order.maker, signed.order.nonce],
  });
  assert.equal(used, true, "the nonce is used: the signature can never fill again");
  await waitForText(takerPage.getByTestId("signed-problems"), /already filled or cancelled/);
  // the cancel button leaves once the offer is cancelled
  await takerPage.getByTestId("signed-closed").waitFor();
  assert.equal(await takerPage.getByTestId("signed-cancel").count(), 0);
  await screenshot(takerPage, J, "cancelled");

  // An offer the taker cannot afford: Fill stays disabled with the reason, and nothing (not even
  // an approval) is asked of the wallet.
  const makerKey = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });
  const venue = { chainId: APP_CHAIN_ID, verifyingContract: signedSwap };
  const takerUsd = await balanceOf(usd.address, "taker");
  const pricey = await signOrder(
    makerKey,
    {
      maker: ROLES.maker,
      taker: zeroAddress,
      sellToken: weth.address,
      sellAmount: parseUnits("0.1", weth.decimals),
      buyToken: usd.address,
      buyAmount: takerUsd + parseUnits("1", usd.decimals),
      expiry: 0n,
      nonce: (await nextUnusedNonce(publicClient, signedSwap, ROLES.maker)) + 8_000n,
      partialFills: false,
    },
    venue,
  );
  await wallet.use("taker");
  await takerPage.goto(`/signed#${encodeOrderLink(pricey)}`);
  await takerPage.reload();
  await waitForText(takerPage.getByTestId("signed-fill-blockers"), /You need .* but hold/);
  assert.equal(await takerPage.getByTestId("signed-fill").isDisabled(), true, "no Fill the taker cannot afford");
}
