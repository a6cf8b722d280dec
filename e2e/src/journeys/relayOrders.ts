// Journeys 14-16: signed offers over Nostr relays. Browser A (the suite's session) signs as the
// maker; browser B (a second Chromium with its own test wallet) is the taker. With the app's
// order-book API cut off in both (every /api/orders call aborts, as if the server were down), an
// offer still travels A -> relays -> B, and B fills it; with relay 1 down, relay 2 carries it;
// and a hostile relay's forged, altered or replayed orders are never shown.
import assert from "node:assert/strict";
import {
  decodeOrderLink,
  hashOrder,
  type NostrEvent,
  nextUnusedNonce,
  orderEventTemplate,
  quoteFill,
  type SignedOrder,
  type SignedOrderWithSignature,
  signOrder,
} from "@peerlock/sdk";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import type { BrowserContext, Page, Route } from "playwright-core";
import { parseUnits, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { freshPage, openSession, type Session, screenshot } from "../browser.ts";
import { balanceOf, cancelSignedAs, deployment, publicClient, token } from "../chain.ts";
import { APP_CHAIN_ID, hostileRelayUrl, ROLES, relayUrls } from "../config.ts";
import { startHostileRelay } from "../hostileRelay.ts";
import { startRelay, stopRelay } from "../stack.ts";
import { appAlerts, connect, waitConfirmed, waitForText } from "../ui.ts";

const MNEMONIC = "test test test test test test test test test test test junk";
const makerKey = mnemonicToAccount(MNEMONIC, { addressIndex: 0 });
const takerKey = mnemonicToAccount(MNEMONIC, { addressIndex: 1 });
const host = (url: string) => new URL(url).host;

/** Cuts the app's order-book API off in a browser; returns the undo. */
async function stopOrderBook(context: BrowserContext): Promise<() => Promise<void>> {
  const abort = (route: Route) => route.abort();
  await context.route("**/api/orders**", abort);
  return () => context.unroute("**/api/orders**", abort);
}

/** Browser B: a second Chromium with its own test wallet, as the taker. */
async function openTakerBrowser(): Promise<Session> {
  const b = await openSession();
  await b.wallet.use("taker");
  return b;
}

/** The maker signs an offer of `sell` tWETH for `receive` tUSD in the app; returns it as signed. */
async function signInBrowser(page: Page, a: Session, sell: string, receive: string): Promise<SignedOrderWithSignature> {
  await a.wallet.use("maker");
  await page.goto("/offers/new");
  await connect(page, a.wallet);
  await page
    .getByTestId("offer-kind")
    .getByLabel(/Signed/)
    .check();
  await page.getByTestId("sell-token").locator("select").selectOption(token("tWETH").address);
  await page.getByTestId("buy-token").locator("select").selectOption(token("tUSD").address);
  await page.getByLabel(/^Amount to sell/).fill(sell);
  await page.getByLabel(/^Amount to receive/).fill(receive);
  await page.getByLabel("Expiry").selectOption({ label: "In 1 day" });
  await page.getByRole("button", { name: "Sign offer" }).click();
  const link = await waitForText(page.getByTestId("signed-offer-link"), /\/signed#/, 30_000);
  return decodeOrderLink(link.slice(link.indexOf("#") + 1));
}

/** Waits for an order's row in B's market and returns its "Seen on" words. */
async function waitForRow(page: Page, signed: SignedOrderWithSignature, timeout = 30_000): Promise<string> {
  const row = page.getByTestId(`signed-row-${hashOrder(signed.order, signed).toLowerCase()}`);
  await waitForText(row, /Signed/, timeout);
  return (await row.getByTestId("seen-on").innerText()).trim();
}

function assertNoCrash(b: Session, what: string): void {
  if (b.pageErrors.length > 0) throw new Error(`The app threw in browser B during ${what}:\n${b.pageErrors.join("\n")}`);
}

export async function relayOnlyJourney(a: Session): Promise<void> {
  const J = "14-relays-only";
  const b = await openTakerBrowser();
  const undo = [await stopOrderBook(a.context), await stopOrderBook(b.context)];
  try {
    const makerPage = await freshPage(a);
    const signed = await signInBrowser(makerPage, a, "0.7", "1,841");
    await waitForText(makerPage.getByTestId("signed-offer-book"), /^Order book: not posted/);
    await waitForText(makerPage.getByTestId("signed-offer-relays"), "Relays: 2 of 2 accepted.");
    await waitForText(makerPage.getByTestId("signed-offer-listed"), "Listed in the market.");
    await screenshot(makerPage, J, "signed-relays-only");

    const page = await freshPage(b);
    await page.goto("/");
    await connect(page, b.wallet);
    await waitForRow(page, signed);
    // the second relay's copy may come a moment after the first: both, and not the server
    const hash = hashOrder(signed.order, signed).toLowerCase();
    const both = relayUrls.map(host).sort().join(", ");
    await waitForText(page.getByTestId(`signed-row-${hash}`).getByTestId("seen-on"), new RegExp(`^${both.replaceAll(".", "\\.")}$`));
    await waitForText(page.getByTestId("signed-book-down"), /order book cannot be reached/);
    await screenshot(page, J, "market-from-relays");

    const weth = token("tWETH");
    const usd = token("tUSD");
    const before = {
      makerWeth: await balanceOf(weth.address, "maker"),
      makerUsd: await balanceOf(usd.address, "maker"),
      takerWeth: await balanceOf(weth.address, "taker"),
      takerUsd: await balanceOf(usd.address, "taker"),
    };
    await page.getByTestId(`signed-row-${hash}`).getByRole("link", { name: /^Fill/ }).click();
    await waitForText(page.getByTestId("signed-signature"), "Signed by the maker");
    await waitForText(page.getByTestId("signed-fillable"), "Fillable now.");
    const panel = page.getByTestId("signed-fill-panel");
    await panel.getByLabel("Amount to buy (tWETH)").fill("0.7");
    const price = quoteFill(signed.order, signed.order.sellAmount);
    await panel.getByRole("button", { name: "Fill" }).click();
    await waitConfirmed(page, "Fill");
    assert.equal(await balanceOf(weth.address, "taker"), before.takerWeth + signed.order.sellAmount);
    assert.equal(await balanceOf(usd.address, "taker"), before.takerUsd - price);
    assert.equal(await balanceOf(weth.address, "maker"), before.makerWeth - signed.order.sellAmount);
    assert.equal(await balanceOf(usd.address, "maker"), before.makerUsd + price);

    // Back to the market in the same tab (client-side, so its relay store lives on): it
    // re-checks what it shows, and the filled offer leaves without a reload.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Market" }).click();
    const row = page.getByTestId(`signed-row-${hash}`);
    await row.waitFor({ timeout: 10_000 }).catch(() => undefined);
    const deadline = Date.now() + 40_000;
    while ((await row.count()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
    assert.equal(await row.count(), 0, "the filled offer left B's market");
    assertNoCrash(b, J);
  } finally {
    for (const u of undo) await u();
    await b.close();
  }
}

export async function oneRelayDownJourney(a: Session): Promise<void> {
  const J = "15-one-relay-down";
  await stopRelay(1);
  const b = await openTakerBrowser();
  const undo = [await stopOrderBook(a.context), await stopOrderBook(b.context)];
  try {
    const makerPage = await freshPage(a);
    const signed = await signInBrowser(makerPage, a, "0.3", "801");
    const relays = await waitForText(makerPage.getByTestId("signed-offer-relays"), /^Relays: 1 of 2 accepted/, 30_000);
    assert.match(relays, new RegExp(`${host(relayUrls[0]!).replace(".", "\\.")}: `), "names the relay that is down");
    await waitForText(makerPage.getByTestId("signed-offer-listed"), "Listed in the market.");

    const page = await freshPage(b);
    await page.goto("/");
    assert.equal(await waitForRow(page, signed), host(relayUrls[1]!), "carried by relay 2 alone");
    await screenshot(page, J, "market-through-relay-2");

    await page.goto("/settings");
    await waitForText(page.getByTestId("relays-fixed"), /Retrying/, 20_000);
    await screenshot(page, J, "settings-relay-1-down");
    assertNoCrash(b, J);
  } finally {
    for (const u of undo) await u();
    await b.close();
    await startRelay(1);
  }
}

export async function hostileRelayJourney(a: Session): Promise<void> {
  const J = "16-hostile-relay";
  const hostile = await startHostileRelay();
  const b = await openTakerBrowser();
  const undo = [await stopOrderBook(b.context)];
  try {
    const signedSwap = deployment().signedSwap.address;
    const venue = { chainId: APP_CHAIN_ID, verifyingContract: signedSwap };
    const weth = token("tWETH");
    const usd = token("tUSD");
    // far past the nonces anything else signs with
    let nonce = (await nextUnusedNonce(publicClient, signedSwap, ROLES.maker)) + 16_000n;
    const order = (sell: string, buy: string): SignedOrder => ({
      maker: ROLES.maker,
      taker: zeroAddress,
      sellToken: weth.address,
      sellAmount: parseUnits(sell, weth.decimals),
      buyToken: usd.address,
      buyAmount: parseUnits(buy, usd.decimals),
      expiry: 0n,
      nonce: nonce++,
      partialFills: true,
    });
    const relayKey = generateSecretKey();
    const publish = (signed: SignedOrderWithSignature, edit: (e: ReturnType<typeof orderEventTemplate>) => void = () => undefined) => {
      const template = orderEventTemplate(signed);
      edit(template);
      hostile.inject(finalizeEvent(template, relayKey) as NostrEvent);
    };

    // 1. an order "signed" by someone else than its maker
    const forged = await signOrder(takerKey, order("0.11", "300"), venue).then((s) => ({ ...s, order: { ...s.order, maker: ROLES.maker } }));
    publish(forged);
    // 2. a real order whose amounts were changed, content and tags made to agree (the signature no longer does)
    const real = await signOrder(makerKey, order("0.12", "300"), venue);
    const raised = { ...real, order: { ...real.order, sellAmount: parseUnits("12", weth.decimals) } };
    publish(raised);
    // 3. a real order whose tags were changed (the content still says the signed amounts)
    const tagged = await signOrder(makerKey, order("0.13", "300"), venue);
    publish(tagged, (t) => {
      t.tags = t.tags.map((tag) => (tag[0] === "amt" ? ["amt", parseUnits("13", weth.decimals).toString()] : tag));
    });
    // 4. a real order the maker cancelled on chain, served again as "pending"
    const cancelled = await signOrder(makerKey, order("0.14", "300"), venue);
    await cancelSignedAs("maker", signedSwap, [cancelled.order.nonce]);
    publish(cancelled);
    // 5. a genuine order: the one thing this relay serves that the market may show
    const genuine = await signOrder(makerKey, order("0.15", "300"), venue);
    publish(genuine);

    // B adds the hostile relay in the settings, then opens the market.
    const page = await freshPage(b);
    await page.goto("/settings");
    const bad = "https//nope";
    await page.getByLabel("Add a relay").fill(bad);
    await page.getByRole("button", { name: "Add relay" }).click();
    await waitForText(appAlerts(page), /not a relay address|starts with wss:\/\//);
    await page.getByLabel("Add a relay").fill(hostileRelayUrl);
    await page.getByRole("button", { name: "Add relay" }).click();
    await waitForText(page.getByTestId("relays-added"), /Open/, 20_000);
    await screenshot(page, J, "settings-hostile-added");

    await page.goto("/");
    assert.equal(await waitForRow(page, genuine), host(hostileRelayUrl), "the genuine order is shown, seen on the hostile relay");
    // everything arrived in the same burst and was checked with the genuine one; give a late batch time
    await new Promise((r) => setTimeout(r, 3_000));
    for (const [what, s] of [
      ["bad EIP-712 signature", forged],
      ["altered amounts (content)", raised],
      ["altered tags", tagged],
      ["replayed cancelled order", cancelled],
    ] as const) {
      assert.equal(await page.getByTestId(`signed-row-${hashOrder(s.order, s).toLowerCase()}`).count(), 0, `${what}: not shown`);
    }
    const rows = await page.getByTestId("market-signed-offers").locator('[data-testid^="signed-row-"]').count();
    const shownFromHostile = await page
      .getByTestId("market-signed-offers")
      .getByTestId("seen-on")
      .filter({ hasText: host(hostileRelayUrl) })
      .count();
    assert.equal(shownFromHostile, 1, `only the genuine order came from the hostile relay (${rows} rows in all)`);
    await screenshot(page, J, "market-only-genuine");
    assertNoCrash(b, J);
  } finally {
    for (const u of undo) await u();
    await b.close();
    await hostile.close();
  }
}
