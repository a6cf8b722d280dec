// Journey 10: the deal room. The seller opens a deal with public terms and private details and
// publishes them; a visitor sees price and method in the market; the buyer takes the deal from
// the market (terms verified from the server), reads the details, chats, uploads a receipt and
// marks paid; the seller disputes; the arbiter reads both sides and the evidence, sees every
// signature verified in the browser, and resolves. Script in terms, messages and file names
// must stay text, and the app's security headers must be there.
import assert from "node:assert/strict";
import { DealStatus, hashDealTerms, serializePublicTerms } from "@peerlock/sdk";
import type { Page } from "playwright-core";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { dealCount, getDeal } from "../chain.ts";
import { appUrl, ROLES } from "../config.ts";
import { connect, waitConfirmed, waitForText } from "../ui.ts";
import { fillTerms } from "./deals.ts";

const J = "10-room";
const XSS_METHOD = `SEPA <img src=x onerror="window.__xss=1">`;
const XSS_NOTES = `<script>window.__xss=1</script> Pay within the hour.`;
const PUBLIC = { pricePerUnit: "0.92", fiatCurrency: "EUR", paymentMethod: XSS_METHOD, minFiat: "", maxFiat: "", notes: XSS_NOTES };
const PRIVATE = "IBAN DE89 3704 0044 0532 0130 00 <b>bold?</b>";
const XSS_MESSAGE = `Paid, see receipt <img src=x onerror="window.__xss=1"><script>window.__xss=1</script>`;
const XSS_FILE = `<img src=x onerror=window.__xss=1>receipt.png`;
// The smallest valid PNG: 1x1, one grey pixel.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", "base64");

/** Nothing a user wrote ran as script on this page. */
async function assertNoXss(page: Page): Promise<void> {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined, "user text ran as script");
}

async function act(page: Page, label: string): Promise<void> {
  const actions = page.getByTestId("deal-actions");
  await actions.getByRole("button", { name: label, exact: true }).click();
  // A dispute asks once more before the wallet opens.
  if (label === "Dispute") {
    const group = actions.getByRole("group", { name: `Confirm: ${label}` });
    await group.waitFor();
    await group.getByRole("button", { name: `Yes, ${label.toLowerCase()}` }).click();
  }
  await waitConfirmed(page, label);
}

async function signIn(page: Page): Promise<void> {
  const button = page.getByTestId("room-sign-in").first();
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  await button.waitFor({ state: "detached", timeout: 20_000 });
}

export async function securityHeadersJourney(): Promise<void> {
  const res = await fetch(`${appUrl}/`);
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  assert.doesNotMatch(csp.split("; ").find((d) => d.startsWith("script-src")) ?? "", /unsafe-inline|unsafe-eval/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.equal(res.headers.get("referrer-policy"), "no-referrer");
  assert.equal(res.headers.get("x-frame-options"), "DENY");
  const html = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  // Every script Next writes into the page carries this response's nonce.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.ok(tag.includes(`nonce="${nonce}"`), `a script without the nonce: ${tag.slice(0, 120)}`);
  const second = await fetch(`${appUrl}/`);
  assert.notEqual(/'nonce-([^']+)'/.exec(second.headers.get("content-security-policy") ?? "")![1], nonce, "a fresh nonce per response");
  const api = await fetch(`${appUrl}/api/room/auth/session`);
  assert.equal(api.headers.get("x-content-type-options"), "nosniff");
}

export async function roomJourney({ context, wallet }: Session): Promise<void> {
  // --- The seller opens the deal and publishes its terms. ---
  await wallet.use("seller");
  const seller = await freshPage({ context });
  await seller.goto("/deals/new");
  await connect(seller, wallet);
  const id = (await dealCount()) + 1n;
  await seller.getByLabel(/^Amount to lock/).fill("0.5");
  await seller.getByLabel("Arbiter", { exact: true }).fill(ROLES.arbiter);
  await fillTerms(seller, { public: PUBLIC, private: PRIVATE });
  await seller.getByRole("button", { name: "Open deal" }).click();
  await seller.waitForURL(`**/deals/${id}#pub=*`, { timeout: 30_000 });
  assert.equal((await getDeal(id)).termsHash, hashDealTerms(serializePublicTerms(PUBLIC), PRIVATE));
  await waitForText(seller.getByTestId("terms-check"), "Terms match the deal");
  await signIn(seller);
  await waitForText(seller.getByTestId("publish-terms"), "Terms published");
  await assertNoXss(seller);

  // --- A visitor sees price and payment method in the market, as text. ---
  const visitor = await freshPage({ context });
  await visitor.goto("/");
  const row = visitor.getByTestId(`deal-row-${id}`);
  await waitForText(row.getByTestId("deal-price"), "0.92 EUR");
  assert.equal(await row.getByTestId("deal-method").textContent(), XSS_METHOD);
  await screenshot(visitor, J, "market-with-terms");
  await assertNoXss(visitor);

  // --- The buyer comes from the market (no link fragment): terms from the server, verified here. ---
  await wallet.use("buyer");
  const buyer = await freshPage({ context });
  await buyer.goto(`/deals/${id}`);
  await connect(buyer, wallet);
  await waitForText(buyer.getByTestId("terms-check"), "Terms match the deal");
  assert.equal(await buyer.getByTestId("terms-method").textContent(), XSS_METHOD);
  assert.equal(await buyer.getByTestId("terms-notes").textContent(), XSS_NOTES);
  await act(buyer, "Take deal");
  assert.equal((await getDeal(id)).status, DealStatus.Taken);
  await signIn(buyer);
  await waitForText(buyer.getByTestId("private-details"), PRIVATE);
  await waitForText(buyer.getByTestId("private-details"), "verified");

  await buyer.getByTestId("chat-input").fill(XSS_MESSAGE);
  await buyer.getByTestId("chat-file").setInputFiles({ name: XSS_FILE, mimeType: "image/png", buffer: PNG });
  await buyer.getByTestId("chat-send").click();
  const firstMessage = buyer.getByTestId("chat-message").first();
  await waitForText(firstMessage, XSS_MESSAGE);
  await waitForText(firstMessage.getByTestId("signature-check"), "signature verified");
  await waitForText(buyer.getByTestId("evidence-link"), XSS_FILE);
  await act(buyer, "Mark paid");
  await screenshot(buyer, J, "buyer-chat");
  await assertNoXss(buyer);

  // --- The seller answers and disputes. ---
  await wallet.use("seller");
  const sellerAgain = await freshPage({ context });
  await sellerAgain.goto(`/deals/${id}`);
  await connect(sellerAgain, wallet);
  await signIn(sellerAgain);
  await waitForText(sellerAgain.getByTestId("chat-messages"), XSS_MESSAGE);
  await sellerAgain.getByTestId("chat-input").fill("Nothing arrived on my account.");
  await sellerAgain.getByTestId("chat-send").click();
  await waitForText(sellerAgain.getByTestId("chat-messages"), "Nothing arrived");
  await act(sellerAgain, "Dispute");
  assert.equal((await getDeal(id)).status, DealStatus.Disputed);

  // --- The arbiter reads both sides, the evidence and the details, checks signatures, resolves. ---
  await wallet.use("arbiter");
  const arbiter = await freshPage({ context });
  await arbiter.goto(`/deals/${id}`);
  await connect(arbiter, wallet);
  await signIn(arbiter);
  await waitForText(arbiter.getByTestId("private-details"), PRIVATE);
  const messages = arbiter.getByTestId("chat-message");
  await waitForText(messages.nth(1), "Nothing arrived");
  assert.equal(await messages.count(), 2);
  for (let i = 0; i < 2; i++) {
    const check = messages.nth(i).getByTestId("signature-check");
    await waitForText(check, "signature verified");
    assert.equal(await check.getAttribute("data-result"), "verified");
  }
  assert.equal((await messages.nth(0).getAttribute("data-author"))?.toLowerCase(), ROLES.buyer.toLowerCase());
  assert.equal((await messages.nth(1).getAttribute("data-author"))?.toLowerCase(), ROLES.seller.toLowerCase());
  const evidence = arbiter.getByTestId("evidence-link");
  assert.equal(await evidence.textContent(), XSS_FILE);
  const href = await evidence.getAttribute("href");
  const file = await arbiter.request.get(`${appUrl}${href}`);
  assert.equal(file.status(), 200);
  assert.equal(file.headers()["content-type"], "image/png");
  assert.equal(file.headers()["x-content-type-options"], "nosniff");
  assert.match(file.headers()["content-security-policy"] ?? "", /sandbox/);
  assert.deepEqual(Buffer.from(await file.body()), PNG);
  await waitForText(arbiter.getByTestId("needs-action"), /Needs your action: [1-9]/);
  await screenshot(arbiter, J, "arbiter-room");
  await assertNoXss(arbiter);

  await arbiter.goto("/arbiter");
  const dispute = arbiter.getByTestId(`dispute-${id}`);
  await dispute.waitFor();
  await dispute.getByLabel("Buyer share in basis points").fill("5000");
  await dispute.getByRole("button", { name: "Resolve" }).click();
  await waitConfirmed(arbiter, "Resolve");
  assert.equal((await getDeal(id)).status, DealStatus.Resolved);

  // Messages and evidence are kept after the deal ends; the arbiter still reads them.
  await arbiter.goto(`/deals/${id}`);
  await waitForText(arbiter.getByTestId("chat-messages"), "Nothing arrived");
  await assertNoXss(arbiter);
}
