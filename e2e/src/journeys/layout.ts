// Journey 12: every page fits a phone. At 390x844 it visits every route (market, escrowed and
// signed offer, new offer, new deal, a deal in each status, arbiter, my trades, settings, address) as the
// party who sees the most controls there, and fails on any sideways scroll or a control cut off.
// The arbiter's "Other deals" table is also checked at 1280 px. The pictures land in docs/screenshots.
import {
  DealStatus,
  dealEscrowAbi,
  dealStatusNames,
  encodeOrderLink,
  encodeSignedOrder,
  hashDealTerms,
  nextUnusedNonce,
  type PublicTerms,
  serializePublicTerms,
  signOrder,
} from "@peerlock/sdk";
import type { Page } from "playwright-core";
import { createWalletClient, defineChain, http, parseUnits, zeroAddress } from "viem";
import { mnemonicToAccount } from "viem/accounts";
import { type DocsShot, freshPage, type Session, screenshot } from "../browser.ts";
import { approveMax, createOfferAs, dealCount, deployment, getDeal, latestTimestamp, publicClient, token } from "../chain.ts";
import { APP_CHAIN_ID, appUrl, ROLES, type Role, rpcUrl } from "../config.ts";
import { layoutProblems } from "../layout.ts";
import { connect, waitForText } from "../ui.ts";

const J = "12-layout";
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const chain = defineChain({
  id: APP_CHAIN_ID,
  name: "Hardhat (e2e)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

const TERMS: { public: PublicTerms; private: string } = {
  public: {
    pricePerUnit: "0.92",
    fiatCurrency: "EUR",
    paymentMethod: "SEPA instant transfer (Sparkasse, N26 or Revolut)",
    minFiat: "50",
    maxFiat: "1500",
    notes: "Pay within 1 hour, reference PEERLOCK-LAYOUT-0123456789ABCDEF. The seller releases on receipt.",
  },
  private: "IBAN DE02120300000000202051 BIC BYLADEM1001, Alice Example, Musterstraße 1, 10115 Berlin",
};
const termsHash = hashDealTerms(serializePublicTerms(TERMS.public), TERMS.private);
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
const termsFragment = `#pub=${b64(serializePublicTerms(TERMS.public))}&priv=${b64(TERMS.private)}`;

type DealCall = "takeDeal" | "markPaid" | "dispute" | "release" | "cancelDeal";

async function dealCall(role: Role, functionName: DealCall, id: bigint): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({ address: deployment().dealEscrow.address, abi: dealEscrowAbi, functionName, args: [id] });
  await publicClient.waitForTransactionReceipt({ hash });
}

async function resolveAs(id: bigint, buyerShareBps: number): Promise<void> {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES.arbiter });
  const hash = await wallet.writeContract({
    address: deployment().dealEscrow.address,
    abi: dealEscrowAbi,
    functionName: "resolve",
    args: [id, buyerShareBps],
  });
  await publicClient.waitForTransactionReceipt({ hash });
}

/** Opens a tUSD deal as the seller for the buyer, then walks it to `status` on chain. */
async function dealIn(status: DealStatus): Promise<bigint> {
  const usd = token("tUSD");
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES.seller });
  const hash = await wallet.writeContract({
    address: deployment().dealEscrow.address,
    abi: dealEscrowAbi,
    functionName: "openDeal",
    args: [usd.address, parseUnits("1234.56", usd.decimals), zeroAddress, ROLES.arbiter, 200, 3_600, termsHash],
  });
  await publicClient.waitForTransactionReceipt({ hash });
  const id = await dealCount();
  if (status === DealStatus.Refunded) await dealCall("seller", "cancelDeal", id);
  if (status === DealStatus.Listed || status === DealStatus.Refunded) return id;
  await dealCall("buyer", "takeDeal", id);
  if (status === DealStatus.Taken) return id;
  await dealCall("buyer", "markPaid", id);
  if (status === DealStatus.Released) await dealCall("seller", "release", id);
  if (status === DealStatus.Paid || status === DealStatus.Released) return id;
  await dealCall("buyer", "dispute", id);
  if (status === DealStatus.Resolved) await resolveAs(id, 6_000);
  return id;
}

/** Who sees the most controls on a deal in that status. */
const viewerOf: Record<number, Role> = {
  [DealStatus.Listed]: "taker",
  [DealStatus.Taken]: "buyer",
  [DealStatus.Paid]: "seller",
  [DealStatus.Disputed]: "arbiter",
  [DealStatus.Released]: "buyer",
  [DealStatus.Refunded]: "seller",
  [DealStatus.Resolved]: "seller",
};

type Visit = { what: string; path: string; role: Role; ready: (page: Page) => Promise<unknown>; shot?: DocsShot };

/** Visits one page and returns what does not fit there (empty when it all fits). */
async function visit(session: Session, page: Page, v: Visit): Promise<string[]> {
  await session.wallet.use(v.role);
  await page.goto(v.path);
  await connect(page, session.wallet);
  await v.ready(page);
  // let late content (reputations, history, room terms) arrive before measuring
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  const problems = await layoutProblems(page);
  if (v.shot) await screenshot(page, J, v.shot, v.shot);
  const size = page.viewportSize();
  const where = `${v.what} (${v.path.split("#")[0]} as ${v.role}, ${size?.width}x${size?.height})`;
  return problems.length === 0 ? [] : [`${where}:\n    ${[...new Set(problems)].join("\n    ")}`];
}

export async function layoutJourney(session: Session): Promise<void> {
  const { context } = session;
  const usd = token("tUSD");
  const weth = token("tWETH");
  const escrow = deployment().dealEscrow.address;
  // earlier journeys may have taken approvals back: this one only needs the trades to exist
  await approveMax(usd.address, "seller", escrow);
  await approveMax(weth.address, "maker", deployment().swapEscrow.address);
  await approveMax(weth.address, "maker", deployment().signedSwap.address);

  const offerId = await createOfferAs("maker", {
    sellToken: weth.address,
    sellAmount: parseUnits("2.5", weth.decimals),
    buyToken: usd.address,
    buyAmount: parseUnits("7812.5", usd.decimals),
    expiry: (await latestTimestamp()) + 86_400n,
    partialFills: true,
  });

  // A signed offer in the order book, so the market shows its row and Fill link too.
  const makerKey = mnemonicToAccount("test test test test test test test test test test test junk", { addressIndex: 0 });
  const venue = { chainId: APP_CHAIN_ID, verifyingContract: deployment().signedSwap.address };
  const signed = await signOrder(
    makerKey,
    {
      maker: ROLES.maker,
      taker: zeroAddress,
      sellToken: weth.address,
      sellAmount: parseUnits("1.25", weth.decimals),
      buyToken: usd.address,
      buyAmount: parseUnits("3912.5", usd.decimals),
      expiry: 0n,
      nonce: (await nextUnusedNonce(publicClient, venue.verifyingContract, ROLES.maker)) + 9_000n,
      partialFills: true,
    },
    venue,
  );
  const posted = await fetch(`${appUrl}/api/orders`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(encodeSignedOrder(signed)),
  });
  if (!posted.ok) throw new Error(`posting the signed offer failed: ${posted.status} ${await posted.text()}`);

  const statuses = [
    DealStatus.Listed,
    DealStatus.Taken,
    DealStatus.Paid,
    DealStatus.Disputed,
    DealStatus.Released,
    DealStatus.Refunded,
    DealStatus.Resolved,
  ] as const;
  const deals: [DealStatus, bigint][] = [];
  for (const status of statuses) deals.push([status, await dealIn(status)]);
  for (const [status, id] of deals) {
    const stored = await getDeal(id);
    if (stored.status !== status) throw new Error(`deal ${id} is in status ${stored.status}, expected ${status}`);
  }

  // Signed out of the deal room: what waits on someone on chain is public, so the header's
  // "Needs your action" counts it without a sign-in (checked on the arbiter and My trades visits).
  await context.clearCookies();
  const page = await freshPage({ context });
  await page.setViewportSize(PHONE);
  const visits: Visit[] = [
    {
      what: "the market",
      path: "/",
      role: "taker",
      ready: async (p) => {
        await waitForText(p.getByTestId("market-signed-offers"), /Signed/, 30_000);
        // the trades above were just made: the picture shows the market once the indexer has them
        await p.getByTestId("indexer-status").waitFor({ state: "detached", timeout: 30_000 });
      },
      shot: "market-phone",
    },
    {
      what: "an escrowed offer",
      path: `/offers/${offerId}`,
      role: "taker",
      ready: (p) => p.getByTestId("fill-panel").waitFor(),
      shot: "offer-phone",
    },
    { what: "its maker's offer page", path: `/offers/${offerId}`, role: "maker", ready: (p) => p.getByTestId("offer-status").waitFor() },
    {
      what: "a signed offer",
      path: `/signed#${encodeOrderLink(signed)}`,
      role: "taker",
      ready: (p) => p.getByTestId("signed-fill-panel").waitFor(),
      shot: "signed-offer-phone",
    },
    {
      what: "its maker's signed offer page",
      path: `/signed#${encodeOrderLink(signed)}`,
      role: "maker",
      ready: (p) => p.getByTestId("signed-maker-actions").waitFor(),
    },
    { what: "new offer", path: "/offers/new", role: "maker", ready: (p) => p.getByTestId("offer-kind").waitFor(), shot: "new-offer-phone" },
    { what: "new deal", path: "/deals/new", role: "seller", ready: (p) => p.getByTestId("deal-token").waitFor(), shot: "new-deal-phone" },
    ...deals.map(
      ([status, id]): Visit => ({
        what: `a deal ${dealStatusNames[status]}`,
        path: `/deals/${id}${termsFragment}`,
        role: viewerOf[status]!,
        ready: (p) => waitForText(p.getByTestId("deal-status"), dealStatusNames[status], 30_000),
        ...(status === DealStatus.Paid ? { shot: "deal-phone" as const } : {}),
      }),
    ),
    {
      what: "the arbiter page",
      path: "/arbiter",
      role: "arbiter",
      ready: (p) => waitForText(p.getByTestId("needs-action"), /Needs your action: [1-9]/, 30_000),
      shot: "arbiter-phone",
    },
    {
      what: "my trades",
      path: "/me",
      role: "seller",
      ready: (p) => waitForText(p.getByTestId("needs-action"), /Needs your action: [1-9]/, 30_000),
      shot: "my-trades-phone",
    },
    {
      what: "the settings (relays)",
      path: "/settings",
      role: "taker",
      ready: (p) => waitForText(p.getByTestId("relays-fixed"), /Open/, 30_000),
    },
    {
      what: "an address",
      path: `/address/${ROLES.seller}`,
      role: "taker",
      ready: (p) => p.getByTestId("address-deals").waitFor({ timeout: 30_000 }),
      shot: "address-phone",
    },
  ];
  // every page is visited before failing, so one run lists everything that does not fit
  const failures: string[] = [];
  for (const v of visits) failures.push(...(await visit(session, page, v)));

  // At 1280 px, the arbiter's "Other deals" table shows every column whole.
  await page.setViewportSize(DESKTOP);
  failures.push(
    ...(await visit(session, page, {
      what: "the arbiter page",
      path: "/arbiter",
      role: "arbiter",
      ready: (p) => p.getByRole("heading", { level: 1 }).waitFor(),
    })),
  );
  await page.close();
  if (failures.length > 0) throw new Error(`Pages that do not fit the screen:\n  ${failures.join("\n  ")}`);
}
