// Journey 1: a visitor connects the wallet, sees the account, network and balances the chain
// really holds, then disconnects and stays disconnected after a reload.
import assert from "node:assert/strict";
import { freshPage, type Session, screenshot } from "../browser.ts";
import { balanceOf, deployment } from "../chain.ts";
import { ROLES } from "../config.ts";
import { connect, exactAmount, waitForText } from "../ui.ts";

const J = "1-connect";

export async function connectJourney({ context, wallet }: Session): Promise<void> {
  await wallet.use("maker");
  const mark = wallet.calls.length;
  const page = await freshPage({ context });
  await page.goto("/");

  // The market renders before any wallet is connected, and the site has not seen an account.
  await page.getByRole("heading", { name: "Market", level: 1 }).waitFor();
  await page.getByTestId("market-offers").waitFor();
  assert.equal(wallet.authorized, false);
  assert.ok(
    wallet.calls
      .slice(mark)
      .filter((c) => c.method === "eth_accounts")
      .every((c) => Array.isArray(c.reply.result) && c.reply.result.length === 0),
    "eth_accounts answered [] before the user connected",
  );
  await screenshot(page, J, "market-disconnected", "market");

  await page.getByRole("button", { name: "Connect wallet" }).click();
  const chooser = page.getByRole("dialog", { name: "Choose a wallet" });
  await chooser.getByRole("button", { name: "Peerlock Test Wallet" }).waitFor();
  await screenshot(page, J, "wallet-chooser");
  await connect(page, wallet);
  assert.equal(wallet.authorized, true, "the app asked for accounts through the wallet");
  await waitForText(page.getByTestId("wallet-chain"), "Hardhat");
  await waitForText(page.getByTestId("wallet-address"), ROLES.maker);

  // Balances on "My trades" are the chain's, to the last unit.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My trades" }).click();
  await page.getByRole("heading", { name: "Your balances" }).waitFor();
  for (const token of [{ address: "0x0000000000000000000000000000000000000000" as const, symbol: "ETH", decimals: 18 }, ...deployment().tokens]) {
    const cell = page.getByTestId(`balance-${token.symbol}`);
    await cell.locator("[title]").waitFor();
    const onChain = await balanceOf(token.address, "maker");
    assert.equal(await exactAmount(cell, token.decimals), onChain, `${token.symbol} balance shown equals the chain's`);
  }
  await page.getByTestId("role-maker").waitFor();
  await screenshot(page, J, "my-trades", "my-trades");

  await page.getByRole("button", { name: "Disconnect" }).click();
  await page.getByRole("button", { name: "Connect wallet" }).waitFor();
  assert.equal(await page.getByTestId("wallet-address").count(), 0);
  await page.reload();
  await page.getByRole("heading", { name: "My trades" }).waitFor();
  await page.getByRole("button", { name: "Connect wallet" }).waitFor();
  assert.equal(await page.getByTestId("wallet-address").count(), 0, "still disconnected after a reload");
  await screenshot(page, J, "disconnected");
}
