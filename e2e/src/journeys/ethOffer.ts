// Journey 3: an offer selling native ETH for an ERC-20, filled in full by the taker (gas
// accounted for, so ETH moves are exact too); then a private offer that a third account
// opens and is refused, by the page and by the contract.
import assert from "node:assert/strict";
import { decodePeerlockError, NATIVE_ETH, OfferStatus, swapEscrowAbi } from "@peerlock/sdk";
import { type Address, parseEther, parseUnits, zeroAddress } from "viem";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { balanceOf, deployment, gasCost, getOffer, offerCount, publicClient, token } from "../chain.ts";
import { ROLES } from "../config.ts";
import { connect, waitConfirmed, waitForText } from "../ui.ts";

const J = "3-eth-offer";

export async function ethOfferJourney({ context, wallet }: Session): Promise<void> {
  const usd = token("tUSD");
  const btc = token("tBTC");
  const swap = deployment().swapEscrow.address;
  const sellAmount = parseEther("2");
  const price = parseUnits("5000", usd.decimals);

  const start = {
    makerEth: await balanceOf(zeroAddress, "maker"),
    makerUsd: await balanceOf(usd.address, "maker"),
    takerEth: await balanceOf(zeroAddress, "taker"),
    takerUsd: await balanceOf(usd.address, "taker"),
    escrowEth: await balanceOf(zeroAddress, swap),
  };

  // Maker: 2 ETH for 5,000 tUSD, all or nothing, never expires.
  await wallet.use("maker");
  const page = await freshPage({ context });
  await page.goto("/offers/new");
  await connect(page, wallet);
  const id = (await offerCount()) + 1n;
  await page.getByTestId("sell-token").locator("select").selectOption(NATIVE_ETH.address);
  await page.getByTestId("buy-token").locator("select").selectOption(usd.address);
  await page.getByLabel(/^Amount to sell/).fill("2");
  await page.getByLabel(/^Amount to receive/).fill("5000");
  await page.getByLabel("Expiry").selectOption({ label: "Never" });
  await page.getByLabel("Allow partial fills").uncheck();
  await waitForText(page.getByTestId("price-preview"), "1 ETH = 2,500 tUSD");
  const makerFrom = wallet.calls.length;
  await page.getByRole("button", { name: "Create offer" }).click();
  await page.waitForURL(`**/offers/${id}`, { timeout: 30_000 });
  const makerTxs = wallet.sentTransactions(makerFrom);
  assert.equal(makerTxs.length, 1, "ETH needs no approval: createOffer only, with msg.value");

  const offer = await getOffer(id);
  assert.equal(offer.sellToken, zeroAddress);
  assert.equal(offer.sellAmount, sellAmount);
  assert.equal(offer.buyAmount, price);
  assert.equal(offer.partialFills, false);
  assert.equal(offer.expiry, 0n);
  assert.equal(await balanceOf(zeroAddress, swap), start.escrowEth + sellAmount);
  assert.equal(await balanceOf(zeroAddress, "maker"), start.makerEth - sellAmount - (await gasCost(makerTxs)));
  await waitForText(page.getByTestId("offer-status"), "Open");

  // Taker: the whole offer, read-only amount.
  await wallet.use("taker");
  const takerPage = await freshPage({ context });
  await takerPage.goto(`/offers/${id}`);
  await connect(takerPage, wallet);
  const panel = takerPage.getByTestId("fill-panel");
  const amount = panel.getByLabel("Amount to buy (ETH)");
  assert.equal(await amount.inputValue(), "2");
  assert.equal(await amount.getAttribute("readonly"), "", "an all-or-nothing offer has a fixed amount");
  await waitForText(takerPage.getByTestId("fill-quote"), "You pay 5,000 tUSD");
  await screenshot(takerPage, J, "fill-all-or-nothing");
  const takerFrom = wallet.calls.length;
  await panel.getByRole("button", { name: "Fill" }).click();
  await waitConfirmed(takerPage, "Fill");
  await waitForText(takerPage.getByTestId("offer-status"), "Filled");
  await screenshot(takerPage, J, "filled");

  const filled = await getOffer(id);
  assert.equal(filled.status, OfferStatus.Filled);
  assert.equal(filled.sellRemaining, 0n);
  const takerTxs = wallet.sentTransactions(takerFrom);
  assert.equal(await balanceOf(zeroAddress, "taker"), start.takerEth + sellAmount - (await gasCost(takerTxs)));
  assert.equal(await balanceOf(usd.address, "taker"), start.takerUsd - price);
  assert.equal(await balanceOf(usd.address, "maker"), start.makerUsd + price);
  assert.equal(await balanceOf(zeroAddress, swap), start.escrowEth);
  assert.equal(
    await balanceOf(zeroAddress, "maker"),
    start.makerEth - sellAmount - (await gasCost(makerTxs)),
    "the maker's ETH only went into the offer",
  );

  // A private offer for the taker: tBTC for tUSD, created through the form's Taker field.
  await wallet.use("maker");
  const makerPage = await freshPage({ context });
  await makerPage.goto("/offers/new");
  await connect(makerPage, wallet);
  const privateId = id + 1n;
  await makerPage.getByTestId("sell-token").locator("select").selectOption(btc.address);
  await makerPage.getByTestId("buy-token").locator("select").selectOption(usd.address);
  await makerPage.getByLabel(/^Amount to sell/).fill("0.05");
  await makerPage.getByLabel(/^Amount to receive/).fill("3000");
  await makerPage.getByLabel("Taker (optional)").fill(ROLES.taker.toLowerCase());
  await makerPage.getByRole("button", { name: "Create offer" }).click();
  await makerPage.waitForURL(`**/offers/${privateId}`, { timeout: 30_000 });
  const privateOffer = await getOffer(privateId);
  assert.equal(privateOffer.taker, ROLES.taker);
  assert.equal(privateOffer.status, OfferStatus.Open);

  // A third account opens the link: the page explains, the Fill button stays disabled.
  await wallet.use("seller");
  const strangerPage = await freshPage({ context });
  await strangerPage.goto(`/offers/${privateId}`);
  await connect(strangerPage, wallet);
  await waitForText(strangerPage.getByTestId("fill-blockers"), "reserved for 0x7099…79C8");
  assert.equal(await strangerPage.getByTestId("fill-panel").getByRole("button", { name: "Fill" }).isDisabled(), true);
  await screenshot(strangerPage, J, "private-refused");

  // And the contract agrees: the same fill from that account reverts NotTaker.
  const refusal = await publicClient
    .simulateContract({
      account: ROLES.seller as Address,
      address: swap,
      abi: swapEscrowAbi,
      functionName: "fillOffer",
      args: [privateId, privateOffer.sellRemaining],
    })
    .then(
      () => undefined,
      (error: unknown) => decodePeerlockError(error),
    );
  assert.equal(refusal?.name, "NotTaker");
  assert.deepEqual(await getOffer(privateId), privateOffer, "nothing changed on chain");
}
