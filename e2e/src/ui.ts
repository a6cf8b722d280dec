// Small page helpers with robust waits: they poll what a person would read (role=status lines,
// test ids) instead of sleeping, and fail with the last text they saw.
import type { Locator, Page } from "playwright-core";
import { parseUnits } from "viem";
import type { TestWallet } from "./wallet/wallet.ts";

const DEFAULT_TIMEOUT = 20_000;

/** Waits until the locator's text matches; returns that text. */
export async function waitForText(locator: Locator, expected: string | RegExp, timeout = DEFAULT_TIMEOUT): Promise<string> {
  const deadline = Date.now() + timeout;
  let last = "";
  while (Date.now() < deadline) {
    last =
      (await locator
        .first()
        .textContent({ timeout: 1_000 })
        .catch(() => null)) ?? "";
    last = last.replace(/\s+/g, " ").trim();
    if (typeof expected === "string" ? last.includes(expected) : expected.test(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeout / 1000}s waiting for ${locator} to show ${expected}; it showed "${last}"`);
}

/** A transaction status line (role=status) reached "<step>: confirmed in block N". */
export async function waitConfirmed(page: Page, step: string, testId = "tx-status", timeout = 30_000): Promise<void> {
  const status = page.getByTestId(testId);
  const text = await waitForText(status, new RegExp(`${escape(step)}: confirmed in block \\d+|failed|Cancelled in wallet`), timeout);
  if (!text.includes("confirmed")) throw new Error(`"${step}" did not confirm: ${text}`);
}

/**
 * Connects the test wallet through the app's own chooser, unless the page reconnects by itself
 * (wagmi restores a connection from its cookie: "Reconnecting…" first, then the account).
 */
export async function connect(page: Page, wallet: TestWallet, timeout = DEFAULT_TIMEOUT): Promise<void> {
  const address = page.getByTestId("wallet-address");
  const connectButton = page.getByRole("button", { name: "Connect wallet" });
  const chooser = page.getByRole("dialog", { name: "Choose a wallet" });
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const shown = (await address.textContent({ timeout: 200 }).catch(() => null)) ?? "";
    if (shown.toLowerCase().includes(wallet.address.toLowerCase())) return;
    if (await chooser.isVisible()) {
      await chooser.getByRole("button", { name: "Peerlock Test Wallet" }).click();
    } else if (await connectButton.isVisible()) {
      // The button waits (disabled) until hydration, and turns into the account when wagmi's
      // reconnect finishes: never block on it, look again.
      await connectButton.click({ timeout: 1_000 }).catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The app did not show ${wallet.address} as connected within ${timeout / 1000}s`);
}

/** Error messages the app shows (role=alert), without Next's route announcer, which also has that role. */
export function appAlerts(page: Page): Locator {
  return page.locator('[role="alert"]:not(#__next-route-announcer__)');
}

/** The exact amount a <TokenAmount> shows in its tooltip ("1,250.5 tUSD"), in the token's units. */
export async function exactAmount(locator: Locator, decimals: number): Promise<bigint> {
  const title = await locator.locator("[title]").first().getAttribute("title");
  if (!title) throw new Error(`${locator} shows no token amount`);
  const number = title.split(" ")[0].replaceAll(",", "");
  return parseUnits(number, decimals);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
