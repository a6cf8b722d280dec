// One Chromium for the whole suite, with the test wallet installed in every page, and the
// screenshot helper that keeps each journey's key screens under e2e/artifacts/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { appUrl, artifactsDir, docsScreenshotsDir, rpcUrl } from "./config.ts";
import { TestWallet } from "./wallet/wallet.ts";

export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 800 };

export type Session = {
  context: BrowserContext;
  wallet: TestWallet;
  /** Page errors and console errors seen so far: a crash in the app fails the journey that caused it. */
  pageErrors: string[];
  close(): Promise<void>;
};

/**
 * A fresh headless Chromium profile with the page-error log every journey checks. Both sessions
 * start here; only the main one then installs the test wallet.
 */
async function launch(profilePrefix: string): Promise<Omit<Session, "wallet">> {
  const userDataDir = mkdtempSync(join(tmpdir(), profilePrefix));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    baseURL: appUrl,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-quic",
      "--disable-sync",
    ],
  });
  context.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  const watch = (page: Page) => page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  context.pages().forEach(watch);
  context.on("page", watch);
  return {
    context,
    pageErrors,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function openSession(): Promise<Session> {
  const session = await launch("peerlock-e2e-");
  const wallet = new TestWallet(rpcUrl);
  await wallet.install(session.context);
  return { ...session, wallet };
}

/**
 * A second Chromium with nothing injected: no test wallet, no window.ethereum, as a person
 * without a wallet extension opens the app.
 */
export function openPlainSession(): Promise<Omit<Session, "wallet">> {
  return launch("peerlock-e2e-plain-");
}

/** The one page journeys drive; opened fresh per journey so nothing leaks between them. */
export async function freshPage(session: Pick<Session, "context">): Promise<Page> {
  for (const page of session.context.pages()) await page.close();
  return session.context.newPage();
}

/** The pages whose screenshot the README shows: docs/screenshots/<name>.png. */
export type DocsShot =
  | "market"
  | "new-offer"
  | "offer"
  | "new-deal"
  | "deal"
  | "arbiter"
  | "my-trades"
  | `${"market" | "offer" | "signed-offer" | "new-offer" | "new-deal" | "deal" | "arbiter" | "my-trades" | "address"}-phone`;

let counter = 0;

/**
 * Saves a screenshot of the viewport as artifacts/<journey>/<nn>-<name>.png. With `docs`, it is
 * also the README's picture of that page: copied to docs/screenshots/ when
 * E2E_UPDATE_SCREENSHOTS=1, or when that file does not exist yet, so a normal run leaves the
 * committed images alone.
 */
export async function screenshot(page: Page, journey: string, name: string, docs?: DocsShot): Promise<string> {
  const dir = join(artifactsDir, journey);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${String(++counter).padStart(2, "0")}-${name}.png`);
  // The README's pictures show each page from its top, whatever a fill() scrolled into view.
  if (docs) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, animations: "disabled", caret: "hide" });
  if (docs) {
    const target = join(docsScreenshotsDir, `${docs}.png`);
    if (process.env.E2E_UPDATE_SCREENSHOTS === "1" || !existsSync(target)) {
      mkdirSync(docsScreenshotsDir, { recursive: true });
      copyFileSync(path, target);
    }
  }
  return path;
}
