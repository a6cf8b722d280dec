// Journey 7: the order book. A maker's signed offer (signed in Node: no transaction) is posted
// to the app's API, the market lists it with the "Signed" badge next to the "Escrowed" offers
// and links to its order page; once a taker fills it on chain, it leaves the market.
import assert from "node:assert/strict";
import { encodeOrderLink, encodeSignedOrder, hashOrder, nextUnusedNonce, signOrder } from "@peerlock/sdk";
import { parseUnits, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { balanceOf, deployment, eventually, fillSignedAs, publicClient, token } from "../chain.ts";
import { APP_CHAIN_ID, appUrl, ROLES } from "../config.ts";
import { waitForText } from "../ui.ts";

const J = "7-signed-book";
/** Hardhat's public dev mnemonic: account #0 is the maker role. */
const makerKey = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });

export async function signedBookJourney({ context, wallet }: Session): Promise<void> {
  assert.equal(makerKey.address, ROLES.maker);
  const weth = token("tWETH");
  const usd = token("tUSD");
  const venue = { chainId: APP_CHAIN_ID, verifyingContract: deployment().signedSwap.address };
  // well past the nonces the seed signed with, so this order is new whatever else was signed
  const nonce = (await nextUnusedNonce(publicClient, venue.verifyingContract, ROLES.maker)) + 7_000n;
  const order = {
    maker: ROLES.maker,
    taker: zeroAddress,
    sellToken: weth.address,
    sellAmount: parseUnits("0.5", weth.decimals),
    buyToken: usd.address,
    buyAmount: parseUnits("1600", usd.decimals),
    expiry: 0n,
    nonce,
    partialFills: false,
  } as const;
  const signed = await signOrder(makerKey, order, venue);
  const hash = hashOrder(order, venue).toLowerCase();
  const json = JSON.stringify(encodeSignedOrder(signed));

  const posted = await fetch(`${appUrl}/api/orders`, { method: "POST", headers: { "content-type": "application/json" }, body: json });
  assert.equal(posted.status, 201, await posted.clone().text());
  const forged = await fetch(`${appUrl}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: json.replace(`"buyAmount":"${order.buyAmount}"`, `"buyAmount":"1"`),
  });
  assert.equal(forged.status, 422, "a signature over other terms is refused");

  // The market lists it with its badge and, for anyone but its maker, a Fill link to the order page.
  await wallet.use("taker");
  const page = await freshPage({ context });
  await page.goto("/");
  const row = page.getByTestId(`signed-row-${hash}`);
  await waitForText(row, /Signed/, 30_000);
  const text = await row.innerText();
  assert.match(text, /0\.5 tWETH/);
  assert.match(text, /3,200 tUSD\/tWETH/);
  await waitForText(page.getByTestId("market-offers"), /Escrowed/);
  const href = await row.getByRole("link", { name: /^Fill/ }).getAttribute("href");
  assert.equal(href, `/signed#${encodeOrderLink(signed)}`);
  await screenshot(page, J, "market-with-signed-offer");

  // A taker fills it on chain; the book follows SignedSwap's logs and drops it.
  const before = { makerUsd: await balanceOf(usd.address, "maker"), takerWeth: await balanceOf(weth.address, "taker") };
  await fillSignedAs("taker", signed);
  assert.equal(await balanceOf(usd.address, "maker"), before.makerUsd + order.buyAmount);
  assert.equal(await balanceOf(weth.address, "taker"), before.takerWeth + order.sellAmount);
  await eventually(
    "the order book to mark the order filled",
    async () => ((await (await fetch(`${appUrl}/api/orders/${hash}`)).json()) as { order: { status: string } }).order.status,
    (status) => status === "filled",
  );
  // the list syncs at most every 15 s: reload until the row is gone
  await eventually(
    "the filled offer to leave the market",
    async () => {
      await page.reload();
      await page.getByTestId("market-signed-offers").waitFor();
      return page.getByTestId(`signed-row-${hash}`).count();
    },
    (rows) => rows === 0,
    60_000,
  );
  await screenshot(page, J, "market-after-fill");
}
