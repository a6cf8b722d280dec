// Journey 10: the deal room, end-to-end encrypted (SPEC v3 "Private by construction"). The seller
// (a browser of its own) opens a listed deal; its link carries only the public terms and the
// private hash; its browser seals the details and publishes its room key. A visitor sees price and
// method in the market; a stranger sees only the public terms. The buyer takes the deal; the
// seller's browser, open on another page, sees the take and wraps the deal key for the buyer, who
// then reads the details, chats and uploads a receipt (all sealed in the browser). The arbiter
// (whose wallet's signatures differ each time: a random in-browser room key) reads nothing before
// the dispute and everything after. The buyer opens the deal in a second, fresh browser with the
// same wallet (same derived key) and reads the whole history. The room's database files hold no
// private plaintext afterwards. Script in terms, messages and file names stays text.
import assert from "node:assert/strict";
import { DealStatus, hashDealTerms, serializePublicTerms } from "@peerlock/sdk";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { freshPage, openSession, type Session, screenshot } from "../browser.ts";
import { dealCount, getDeal } from "../chain.ts";
import { APP_CHAIN_ID, appUrl, artifactsDir, ROLES } from "../config.ts";
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

export async function act(page: Page, label: string): Promise<void> {
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

/** Sign-in with Ethereum, then (first time in this browser) the room key's signatures. */
async function signIn(page: Page): Promise<void> {
  const button = page.getByTestId("room-sign-in").first();
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  await button.waitFor({ state: "detached", timeout: 30_000 });
}

/** Which room key this browser keeps for `wallet`: "derived" (from its signature) or "random". */
async function roomKeySource(page: Page, wallet: string): Promise<string | undefined> {
  const key = `peerlock:room-key:${APP_CHAIN_ID}:${wallet.toLowerCase()}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const raw = await page.evaluate((k) => window.localStorage.getItem(k), key);
    if (raw) return (JSON.parse(raw) as { source: string }).source;
    await new Promise((r) => setTimeout(r, 200));
  }
  return undefined;
}

/** The bytes of a decrypted evidence file, as the user saves it (a blob: link the page made after opening it). */
async function decryptedEvidence(page: Page, testId: string): Promise<Buffer> {
  const link = page.getByTestId(testId).first();
  if ((await link.getAttribute("data-decrypted")) !== "true") await link.click();
  const opened = page.locator(`[data-testid="${testId}"][data-decrypted="true"]`).first();
  await opened.waitFor({ timeout: 15_000 });
  assert.match((await opened.getAttribute("href")) ?? "", /^blob:/);
  const [download] = await Promise.all([page.waitForEvent("download"), opened.click()]);
  return readFileSync(await download.path());
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
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
  // The seller has a browser of its own, left open, as a seller would leave a tab open.
  const sellerSession = await openSession();
  const buyerSecond = await openSession();
  try {
    await sealedRoom({ context, wallet }, sellerSession, buyerSecond);
  } finally {
    await sellerSession.close();
    await buyerSecond.close();
  }
}

async function sealedRoom({ context, wallet }: Pick<Session, "context" | "wallet">, sellerSession: Session, buyerSecond: Session): Promise<void> {
  // --- The seller opens a listed deal; its browser seals the details and publishes them. ---
  await sellerSession.wallet.use("seller");
  const seller = await freshPage(sellerSession);
  await seller.goto("/deals/new");
  await connect(seller, sellerSession.wallet);
  const id = (await dealCount()) + 1n;
  await seller.getByLabel(/^Amount to lock/).fill("0.5");
  await seller.getByLabel("Arbiter", { exact: true }).fill(ROLES.arbiter);
  await fillTerms(seller, { public: PUBLIC, private: PRIVATE });
  await seller.getByRole("button", { name: "Open deal" }).click();
  await seller.waitForURL(`**/deals/${id}#pub=*`, { timeout: 30_000 });
  assert.doesNotMatch(seller.url(), /priv=/, "the link never carries the private details");
  assert.match(seller.url(), /&ph=0x[0-9a-f]{64}$/);
  assert.equal((await getDeal(id)).termsHash, hashDealTerms(serializePublicTerms(PUBLIC), PRIVATE));
  await waitForText(seller.getByTestId("terms-check"), "Terms match the deal");
  await signIn(seller);
  await waitForText(seller.getByTestId("publish-terms"), "Terms published", 30_000);
  assert.equal(await roomKeySource(seller, ROLES.seller), "derived");
  const shared =
    (await seller
      .getByTestId("share-link")
      .textContent()
      .catch(() => "")) ?? "";
  assert.doesNotMatch(shared, /priv=/);
  await assertNoXss(seller);
  // The seller's browser stays open on another page; it shares the deal key when the deal is taken.
  await seller.goto("/me");

  // --- A visitor sees price and payment method in the market, as text. ---
  const visitor = await freshPage({ context });
  await visitor.goto("/");
  const row = visitor.getByTestId(`deal-row-${id}`);
  await waitForText(row.getByTestId("deal-price"), "0.92 EUR");
  assert.equal(await row.getByTestId("deal-method").textContent(), XSS_METHOD);
  await screenshot(visitor, J, "market-with-terms");
  await assertNoXss(visitor);

  // --- A stranger (signed in) sees only the public terms. ---
  await wallet.use("maker");
  const stranger = await freshPage({ context });
  await stranger.goto(`/deals/${id}`);
  await connect(stranger, wallet);
  await waitForText(stranger.getByTestId("terms-check"), "Terms match the deal");
  await waitForText(stranger.getByTestId("private-hidden"), "end-to-end encrypted");
  assert.equal(await stranger.getByTestId("chat").count(), 0);
  assert.ok(!(await stranger.content()).includes("IBAN"), "a stranger's page holds no private details");

  // --- The buyer takes the deal; the seller's open browser shares the key; the buyer reads. ---
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
  assert.equal(await roomKeySource(buyer, ROLES.buyer), "derived");
  await waitForText(buyer.getByTestId("private-details"), PRIVATE, 60_000);
  await waitForText(buyer.getByTestId("private-details"), "verified");
  await waitForText(buyer.getByTestId("private-details"), "only you, the buyer and (in a dispute) the arbiter can read this");

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

  // --- Before the dispute the arbiter reads nothing, even signed in with a room key. ---
  await wallet.use("arbiter");
  const arbiter = await freshPage({ context });
  await arbiter.goto(`/deals/${id}`);
  await connect(arbiter, wallet);
  await waitForText(arbiter.getByTestId("private-hidden"), "end-to-end encrypted");
  assert.equal(await arbiter.getByTestId("chat").count(), 0);
  assert.ok(!(await arbiter.content()).includes("IBAN"), "the arbiter's page holds no private details before the dispute");

  // --- The seller answers and disputes. ---
  const sellerAgain = await freshPage(sellerSession);
  await sellerAgain.goto(`/deals/${id}`);
  await connect(sellerAgain, sellerSession.wallet);
  await waitForText(sellerAgain.getByTestId("chat-messages"), XSS_MESSAGE, 30_000);
  await sellerAgain.getByTestId("chat-input").fill("Nothing arrived on my account.");
  await sellerAgain.getByTestId("chat-send").click();
  await waitForText(sellerAgain.getByTestId("chat-messages"), "Nothing arrived");
  await act(sellerAgain, "Dispute");
  assert.equal((await getDeal(id)).status, DealStatus.Disputed);

  // --- The arbiter (a random in-browser key) reads the details, both sides and the evidence. ---
  await arbiter.goto(`/deals/${id}`);
  await connect(arbiter, wallet);
  await signIn(arbiter);
  assert.equal(await roomKeySource(arbiter, ROLES.arbiter), "random", "the arbiter's signatures differ: a random key kept in this browser");
  await waitForText(arbiter.getByTestId("private-details"), PRIVATE, 60_000);
  const messages = arbiter.getByTestId("chat-message");
  await waitForText(messages.nth(1), "Nothing arrived", 30_000);
  assert.equal(await messages.count(), 2);
  for (let i = 0; i < 2; i++) {
    const check = messages.nth(i).getByTestId("signature-check");
    await waitForText(check, "signature verified");
    assert.equal(await check.getAttribute("data-result"), "verified");
  }
  assert.equal((await messages.nth(0).getAttribute("data-author"))?.toLowerCase(), ROLES.buyer.toLowerCase());
  assert.equal((await messages.nth(1).getAttribute("data-author"))?.toLowerCase(), ROLES.seller.toLowerCase());
  await waitForText(arbiter.getByTestId("evidence-link"), XSS_FILE);
  assert.deepEqual(await decryptedEvidence(arbiter, "evidence-link"), PNG);
  // The server only ever serves the ciphertext, as an opaque download.
  const sealedHash = await arbiter.evaluate(
    async (dealId) => ((await (await fetch(`/api/room/deals/${dealId}/evidence`)).json()) as { evidence: { hash: string }[] }).evidence[0]!.hash,
    id.toString(),
  );
  const file = await arbiter.request.get(`${appUrl}/api/room/deals/${id}/evidence/${sealedHash}`);
  assert.equal(file.status(), 200);
  assert.equal(file.headers()["content-type"], "application/octet-stream");
  assert.equal(file.headers()["x-content-type-options"], "nosniff");
  assert.ok(!Buffer.from(await file.body()).includes(PNG.subarray(16)), "the served file is sealed");
  await waitForText(arbiter.getByTestId("needs-action"), /Needs your action: [1-9]/);
  await screenshot(arbiter, J, "arbiter-room");
  await assertNoXss(arbiter);

  // --- The buyer, in a second fresh browser with the same wallet, reads the whole history. ---
  await buyerSecond.wallet.use("buyer");
  const again = await freshPage(buyerSecond);
  await again.goto(`/deals/${id}`);
  await connect(again, buyerSecond.wallet);
  await signIn(again);
  await waitForText(again.getByTestId("private-details"), PRIVATE, 30_000);
  const history = again.getByTestId("chat-message");
  await waitForText(history.nth(1), "Nothing arrived", 30_000);
  await waitForText(history.nth(0), XSS_MESSAGE);
  assert.deepEqual(await decryptedEvidence(again, "evidence-link"), PNG);
  await assertNoXss(again);

  await arbiter.goto("/arbiter");
  const dispute = arbiter.getByTestId(`dispute-${id}`);
  await dispute.waitFor();
  await dispute.getByLabel("Buyer share in basis points").fill("5000");
  await dispute.getByRole("button", { name: "Resolve" }).click();
  await waitConfirmed(arbiter, "Resolve");
  assert.equal((await getDeal(id)).status, DealStatus.Resolved);

  // Messages and evidence are kept after the deal ends; the arbiter still reads them.
  await arbiter.goto(`/deals/${id}`);
  await waitForText(arbiter.getByTestId("chat-messages"), "Nothing arrived", 30_000);
  await assertNoXss(arbiter);

  // --- The room's database files (PGlite folder, WAL included) hold none of it in plain text. ---
  const all = Buffer.concat(filesUnder(join(artifactsDir, "room-db")).map((f) => readFileSync(f)));
  assert.ok(all.includes(Buffer.from("Pay within the hour.")), "control: the public terms are found by the same scan");
  for (const secret of ["IBAN DE89", "Nothing arrived on my account", "Paid, see receipt", "receipt.png"]) {
    assert.ok(!all.includes(Buffer.from(secret)), `the room database holds "${secret}" in plain text`);
  }
  assert.ok(!all.includes(PNG.subarray(16)), "the room database holds the evidence bytes in plain");
}
