// Journey 4: deals. The seller opens one with public terms and private payment details; the buyer
// takes it from the share link (the page checks both against termsHash), marks it paid, the seller releases.
// A second deal is disputed and the arbiter splits it with the slider's exact field.
import assert from "node:assert/strict";
import { DealStatus, hashDealTerms, type PublicTerms, resolveSplit, serializePublicTerms, type TokenInfo } from "@peerlock/sdk";
import type { Page } from "playwright-core";
import { parseUnits, zeroAddress } from "viem";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { balanceOf, dealCount, deployment, getDeal, publicClient, revokeApproval, token } from "../chain.ts";
import { appUrl, ROLES } from "../config.ts";
import { connect, exactAmount, waitConfirmed, waitForText } from "../ui.ts";
import type { TestWallet } from "../wallet/wallet.ts";

const J = "4-deals";

type Terms = { public: PublicTerms; private: string };
const TERMS_RELEASE: Terms = {
  public: {
    pricePerUnit: "0.92",
    fiatCurrency: "EUR",
    paymentMethod: "SEPA transfer",
    minFiat: "",
    maxFiat: "",
    notes: "Seller releases within 2 hours of the payment arriving.\nReference: PEERLOCK-E2E-1 — €",
  },
  private: "IBAN DE89 3704 0044 0532 0130 00, Erika Mustermann",
};
const TERMS_DISPUTE: Terms = {
  public: {
    pricePerUnit: "2950",
    fiatCurrency: "USD",
    paymentMethod: "Wire",
    minFiat: "",
    maxFiat: "",
    notes: "Within 2 hours; the seller's bank statement decides — or the arbiter.",
  },
  private: "Account 123456789, routing 021000021",
};

type DealInput = {
  token: TokenInfo;
  amount: string;
  buyer?: string;
  arbiter: string;
  feePercent: string;
  window: [string, "minutes" | "hours" | "days"];
  terms: Terms;
};

/** Fills the two parts of the terms in the New deal form. */
export async function fillTerms(page: Page, terms: Terms): Promise<void> {
  await page.getByLabel("Price per unit").fill(terms.public.pricePerUnit);
  await page.getByLabel("Fiat currency").fill(terms.public.fiatCurrency);
  await page.getByLabel("Payment method", { exact: true }).fill(terms.public.paymentMethod);
  await page.getByLabel("Notes (optional)").fill(terms.public.notes);
  await page.getByLabel("Payment details (private)").fill(terms.private);
}

/** Fills the New deal form as the seller and submits it; returns the share link the app navigates to. */
async function openDeal(page: Page, wallet: TestWallet, input: DealInput, docsShot: boolean): Promise<{ id: bigint; link: string; sent: number }> {
  await page.goto("/deals/new");
  await connect(page, wallet);
  const id = (await dealCount()) + 1n;
  await page.getByTestId("deal-token").locator("select").selectOption(input.token.address);
  await page.getByLabel(/^Amount to lock/).fill(input.amount);
  if (input.buyer) await page.getByLabel("Buyer (optional)").fill(input.buyer);
  await page.getByLabel("Arbiter", { exact: true }).fill(input.arbiter);
  await page.getByLabel("Arbiter fee (%)").fill(input.feePercent);
  await page.getByLabel("Payment window", { exact: true }).fill(input.window[0]);
  await page.getByLabel("Payment window unit").selectOption(input.window[1]);
  await fillTerms(page, input.terms);
  if (docsShot) await screenshot(page, J, "new-deal-filled", "new-deal");
  const from = wallet.calls.length;
  await page.getByRole("button", { name: "Open deal" }).click();
  await page.waitForURL(`**/deals/${id}#pub=*`, { timeout: 30_000 });
  return { id, link: page.url(), sent: wallet.sentTransactions(from).length };
}

/** Clicks a deal action and waits for its confirmation on the page's status line. */
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

export async function dealsJourney({ context, wallet }: Session): Promise<void> {
  const usd = token("tUSD");
  const weth = token("tWETH");
  const escrow = deployment().dealEscrow.address;
  const amount = parseUnits("1500", usd.decimals);

  // --- Deal A: open, take from the link, mark paid, release. ---
  await revokeApproval(usd.address, "seller", escrow);
  const start = {
    sellerUsd: await balanceOf(usd.address, "seller"),
    buyerUsd: await balanceOf(usd.address, "buyer"),
    escrowUsd: await balanceOf(usd.address, escrow),
  };

  await wallet.use("seller");
  const sellerPage = await freshPage({ context });
  const a = await openDeal(
    sellerPage,
    wallet,
    { token: usd, amount: "1500", arbiter: ROLES.arbiter, feePercent: "1", window: ["1", "hours"], terms: TERMS_RELEASE },
    true,
  );
  assert.equal(a.sent, 2, "approval of exactly 1,500 tUSD, then openDeal");
  assert.ok(a.link.startsWith(`${appUrl}/deals/${a.id}#pub=`));

  const listed = await getDeal(a.id);
  assert.equal(listed.seller, ROLES.seller);
  assert.equal(listed.buyer, zeroAddress);
  assert.equal(listed.token, usd.address);
  assert.equal(listed.amount, amount);
  assert.equal(listed.arbiter, ROLES.arbiter);
  assert.equal(listed.arbiterFeeBps, 100);
  assert.equal(listed.paymentWindow, 3600);
  assert.equal(listed.status, DealStatus.Listed);
  assert.equal(
    listed.termsHash,
    hashDealTerms(serializePublicTerms(TERMS_RELEASE.public), TERMS_RELEASE.private),
    "both parts, newline and € included, are what was hashed",
  );
  assert.equal(await balanceOf(usd.address, "seller"), start.sellerUsd - amount);
  assert.equal(await balanceOf(usd.address, escrow), start.escrowUsd + amount);
  await waitForText(sellerPage.getByTestId("deal-status"), "Listed");
  await waitForText(sellerPage.getByTestId("terms-check"), "Terms match the deal");
  assert.equal(await sellerPage.getByTestId("deal-role").getAttribute("data-role"), "seller");
  await screenshot(sellerPage, J, "deal-listed-seller");

  // The buyer opens exactly the link the seller got.
  await wallet.use("buyer");
  const buyerPage = await freshPage({ context });
  await buyerPage.goto(a.link);
  await connect(buyerPage, wallet);
  const check = buyerPage.getByTestId("terms-check");
  await waitForText(check, "Terms match the deal");
  assert.equal(await check.getAttribute("data-result"), "matches");
  assert.equal(await buyerPage.getByTestId("terms-method").textContent(), TERMS_RELEASE.public.paymentMethod);
  assert.equal(await buyerPage.getByTestId("terms-notes").textContent(), TERMS_RELEASE.public.notes);
  // Before taking, the details are not the buyer's to read: the link carries only their hash.
  await waitForText(buyerPage.getByTestId("private-hidden"), "end-to-end encrypted");
  await waitForText(buyerPage.getByTestId("deal-role"), "take it to become its buyer");
  await screenshot(buyerPage, J, "deal-link-as-buyer", "deal");

  const takeFrom = wallet.calls.length;
  await act(buyerPage, "Take deal");
  const [takeHash] = wallet.sentTransactions(takeFrom);
  const takeBlock = (await publicClient.getTransactionReceipt({ hash: takeHash })).blockNumber;
  const takenAt = (await publicClient.getBlock({ blockNumber: takeBlock })).timestamp;
  const taken = await getDeal(a.id);
  assert.equal(taken.status, DealStatus.Taken);
  assert.equal(taken.buyer, ROLES.buyer);
  assert.equal(taken.paymentDeadline, takenAt + 3600n, "deadline = take block + payment window");
  await waitForText(buyerPage.getByTestId("deal-status"), "Taken");
  await waitForText(buyerPage.getByTestId("payment-deadline"), /^in (59m|1h)/);
  await waitForText(buyerPage.getByTestId("deal-role"), "You are the buyer");
  await screenshot(buyerPage, J, "deal-taken-countdown");

  await act(buyerPage, "Mark paid");
  assert.equal((await getDeal(a.id)).status, DealStatus.Paid);
  await waitForText(buyerPage.getByTestId("deal-status"), "Paid");

  await wallet.use("seller");
  await waitForText(buyerPage.getByTestId("deal-role"), "You are the seller");
  await act(buyerPage, "Release");
  assert.equal((await getDeal(a.id)).status, DealStatus.Released);
  await waitForText(buyerPage.getByTestId("deal-status"), "Released");
  assert.equal(await balanceOf(usd.address, "buyer"), start.buyerUsd + amount);
  assert.equal(await balanceOf(usd.address, "seller"), start.sellerUsd - amount);
  assert.equal(await balanceOf(usd.address, escrow), start.escrowUsd);
  await screenshot(buyerPage, J, "deal-released");

  // --- Deal B: reserved for the buyer, paid, disputed, split by the arbiter. ---
  const disputed = parseUnits("1", weth.decimals);
  const before = {
    seller: await balanceOf(weth.address, "seller"),
    buyer: await balanceOf(weth.address, "buyer"),
    arbiter: await balanceOf(weth.address, "arbiter"),
    escrow: await balanceOf(weth.address, escrow),
  };
  await wallet.use("seller");
  const b = await openDeal(
    sellerPage.isClosed() ? await freshPage({ context }) : sellerPage,
    wallet,
    { token: weth, amount: "1", buyer: ROLES.buyer, arbiter: ROLES.arbiter, feePercent: "2.5", window: ["2", "hours"], terms: TERMS_DISPUTE },
    false,
  );
  const opened = await getDeal(b.id);
  assert.equal(opened.buyer, ROLES.buyer);
  assert.equal(opened.arbiterFeeBps, 250);
  assert.equal(opened.paymentWindow, 7200);

  await wallet.use("buyer");
  const page = await freshPage({ context });
  await page.goto(b.link);
  await connect(page, wallet);
  await waitForText(page.getByTestId("deal-role"), "You are the buyer");
  await act(page, "Take deal");
  await act(page, "Mark paid");
  await act(page, "Dispute");
  assert.equal((await getDeal(b.id)).status, DealStatus.Disputed);
  await waitForText(page.getByTestId("deal-status"), "Disputed");

  // The arbiter finds it on the Arbiter page and gives the buyer 70 % after the fee.
  await wallet.use("arbiter");
  const arbiterPage = await freshPage({ context });
  await arbiterPage.goto("/arbiter");
  await connect(arbiterPage, wallet);
  const dispute = arbiterPage.getByTestId(`dispute-${b.id}`);
  await dispute.waitFor();
  await dispute.getByLabel("Buyer share in basis points").fill("7000");
  const split = resolveSplit(disputed, 250, 7000);
  const slider = dispute.getByLabel("Buyer's share of the escrow (after the fee)");
  assert.equal(await slider.inputValue(), "7000", "the slider follows the exact field");
  assert.match((await slider.getAttribute("aria-valuetext")) ?? "", /^70 % to the buyer, 30 % to the seller$/);
  await waitForText(dispute.getByTestId("split-buyer"), `${formatEth(split.toBuyer)} tWETH`);
  assert.equal(await exactAmount(dispute.getByTestId("split-seller"), weth.decimals), split.toSeller);
  assert.equal(await exactAmount(dispute.getByTestId("split-fee"), weth.decimals), split.fee);
  await screenshot(arbiterPage, J, "arbiter-split", "arbiter");
  await dispute.getByRole("button", { name: "Resolve" }).click();
  await waitConfirmed(arbiterPage, "Resolve");

  const resolved = await getDeal(b.id);
  assert.equal(resolved.status, DealStatus.Resolved);
  assert.equal(split.fee + split.toBuyer + split.toSeller, disputed);
  assert.equal(await balanceOf(weth.address, "arbiter"), before.arbiter + split.fee);
  assert.equal(await balanceOf(weth.address, "buyer"), before.buyer + split.toBuyer);
  assert.equal(await balanceOf(weth.address, "seller"), before.seller - disputed + split.toSeller);
  assert.equal(await balanceOf(weth.address, escrow), before.escrow);
  await arbiterPage.getByTestId(`dispute-${b.id}`).waitFor({ state: "detached" });
  await screenshot(arbiterPage, J, "arbiter-resolved");
}

function formatEth(value: bigint): string {
  const whole = value / 10n ** 18n;
  const fraction = (value % 10n ** 18n).toString().padStart(18, "0").replace(/0+$/, "").slice(0, 6);
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}
