// Journey 11: the indexer is stopped. The app says so in a banner, the market falls back to
// reading the chain, and a deal still goes from paid to released on its page: trading never
// depends on the indexer (SPEC v2).
import assert from "node:assert/strict";
import { DealStatus, dealEscrowAbi, hashTerms } from "@peerlock/sdk";
import { createWalletClient, defineChain, http, parseUnits, zeroAddress } from "viem";
import { freshPage, type Session } from "../browser.ts";
import { approveMax, dealCount, deployment, eventually, getDeal, publicClient, token } from "../chain.ts";
import { APP_CHAIN_ID, ROLES, type Role, rpcUrl } from "../config.ts";
import { stopIndexer } from "../stack.ts";
import { connect, waitConfirmed, waitForText } from "../ui.ts";

const chain = defineChain({
  id: APP_CHAIN_ID,
  name: "Hardhat (e2e)",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

async function dealCall(role: Role, functionName: "takeDeal" | "markPaid", id: bigint) {
  const wallet = createWalletClient({ chain, transport: http(), account: ROLES[role] });
  const hash = await wallet.writeContract({ address: deployment().dealEscrow.address, abi: dealEscrowAbi, functionName, args: [id] });
  await publicClient.waitForTransactionReceipt({ hash });
}

export async function withoutIndexerJourney({ context, wallet }: Session): Promise<void> {
  // While it runs, the market comes from the indexer: reputations next to makers and sellers, no
  // banner (this also proves the page's CSP lets the browser reach the indexer).
  const before = await freshPage({ context });
  await before.goto("/");
  await before.getByTestId("market-offers").getByTestId("reputation-badge").first().waitFor({ timeout: 30_000 });
  await before.getByTestId("market-deals").getByTestId("reputation-badge").first().waitFor({ timeout: 30_000 });
  assert.equal(await before.getByTestId("indexer-status").count(), 0, "no indexer banner while it is up");
  await before.close();

  stopIndexer();

  // A deal paid for on chain, waiting for the seller's release.
  const usd = token("tUSD");
  await approveMax(usd.address, "seller", deployment().dealEscrow.address); // journey 4 took the approval back
  const seller = createWalletClient({ chain, transport: http(), account: ROLES.seller });
  const id = (await dealCount()) + 1n;
  const open = await seller.writeContract({
    address: deployment().dealEscrow.address,
    abi: dealEscrowAbi,
    functionName: "openDeal",
    args: [usd.address, parseUnits("25", usd.decimals), zeroAddress, ROLES.arbiter, 100, 3600, hashTerms("Paid while the indexer is down.")],
  });
  await publicClient.waitForTransactionReceipt({ hash: open });
  await dealCall("buyer", "takeDeal", id);
  await dealCall("buyer", "markPaid", id);

  await wallet.use("seller");
  const page = await freshPage({ context });
  await page.goto("/");
  await waitForText(page.getByTestId("indexer-status"), "does not answer", 30_000);
  await page.getByTestId("market-offers").waitFor();

  // An address page needs the indexer: it says so and what still works, not "Failed to fetch".
  await page.goto(`/address/${ROLES.seller}`);
  const down = await waitForText(page.getByTestId("address-indexer-down"), "does not answer", 30_000);
  assert.match(down, /still works/);
  assert.doesNotMatch(await page.locator("main").innerText(), /Failed to fetch|Something went wrong/);

  await page.goto(`/deals/${id}`);
  await connect(page, wallet);
  await waitForText(page.getByTestId("indexer-status"), "does not answer", 30_000);
  await waitForText(page.getByTestId("deal-status"), "Paid");
  await page.getByTestId("deal-actions").getByRole("button", { name: "Release", exact: true }).click();
  await waitConfirmed(page, "Release");
  const released = await eventually(
    `deal ${id} released`,
    () => getDeal(id),
    (d) => d.status === DealStatus.Released,
  );
  assert.equal(released.status, DealStatus.Released);
  await page.close();
}
