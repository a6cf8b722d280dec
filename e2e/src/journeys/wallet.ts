// The test wallet itself, checked in the real browser against the real node before any
// journey relies on it: EIP-6963 discovery, the connect gate, events, chain switching,
// rejection and a mined transaction.
import assert from "node:assert/strict";
import { swapEscrowAbi } from "@peerlock/sdk";
import { decodeErrorResult, encodeFunctionData, type Hex, parseEther } from "viem";
import { type Session, freshPage } from "../browser.ts";
import { balanceOf, deployment, gasCost, publicClient } from "../chain.ts";
import { APP_CHAIN_ID, OTHER_CHAIN_ID, ROLES } from "../config.ts";
import { WALLET_INFO } from "../wallet/wallet.ts";

type PageProbe = {
  request(method: string, params?: unknown[]): Promise<{ result?: unknown; error?: { code: number; message: string; data?: unknown } }>;
  events: [string, unknown][];
};

export async function walletSelfTest({ context, wallet }: Session): Promise<void> {
  const page = await freshPage({ context });
  // A blank page of our own, so the wallet is checked without depending on the app.
  await context.route("http://wallet.test/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>wallet probe</title>" }),
  );
  await page.goto("http://wallet.test/");

  const announced = await page.evaluate(() => {
    const seen: { info: { name: string; rdns: string; uuid: string; icon: string } }[] = [];
    window.addEventListener("eip6963:announceProvider", (e) => seen.push((e as CustomEvent).detail));
    window.dispatchEvent(new Event("eip6963:requestProvider"));
    const detail = seen[0] as unknown as {
      info: unknown;
      provider: { request(a: unknown): Promise<unknown>; on(e: string, f: (v: unknown) => void): void };
    };
    const events: [string, unknown][] = [];
    for (const name of ["accountsChanged", "chainChanged"]) detail.provider.on(name, (v) => events.push([name, v]));
    (window as unknown as { probe: unknown }).probe = {
      events,
      async request(method: string, params: unknown[] = []) {
        try {
          return { result: await detail.provider.request({ method, params }) };
        } catch (e) {
          const err = e as { code: number; message: string; data?: unknown };
          return { error: { code: err.code, message: err.message, data: err.data } };
        }
      },
    };
    return seen.map((d) => d.info);
  });
  assert.equal(announced.length, 1, "one announcement per requestProvider");
  assert.deepEqual(announced[0], WALLET_INFO);

  const call = (method: string, params: unknown[] = []) =>
    page.evaluate(([m, p]) => (window as unknown as { probe: PageProbe }).probe.request(m, p), [method, params] as const);
  const events = () => page.evaluate(() => (window as unknown as { probe: PageProbe }).probe.events);

  await wallet.use("maker");
  assert.deepEqual(await call("eth_accounts"), { result: [] }, "no account before the site asks");
  assert.deepEqual(await call("eth_chainId"), { result: `0x${APP_CHAIN_ID.toString(16)}` });

  wallet.rejectNext();
  assert.equal((await call("eth_requestAccounts")).error?.code, 4001, "a rejected connect is code 4001");
  assert.deepEqual(await call("eth_accounts"), { result: [] });

  assert.deepEqual(await call("eth_requestAccounts"), { result: [ROLES.maker] });
  assert.deepEqual(await call("eth_accounts"), { result: [ROLES.maker] });
  await wallet.use("taker");
  assert.deepEqual(await call("eth_accounts"), { result: [ROLES.taker] });

  assert.deepEqual(await call("wallet_switchEthereumChain", [{ chainId: `0x${OTHER_CHAIN_ID.toString(16)}` }]), { result: null });
  assert.equal((await call("eth_chainId")).result, `0x${OTHER_CHAIN_ID.toString(16)}`);
  assert.equal((await call("wallet_switchEthereumChain", [{ chainId: "0x1" }])).error?.code, 4902, "unknown chains are refused");
  await call("wallet_switchEthereumChain", [{ chainId: `0x${APP_CHAIN_ID.toString(16)}` }]);

  assert.deepEqual(await events(), [
    ["accountsChanged", [ROLES.maker]],
    ["accountsChanged", [ROLES.taker]],
    ["chainChanged", `0x${OTHER_CHAIN_ID.toString(16)}`],
    ["chainChanged", `0x${APP_CHAIN_ID.toString(16)}`],
  ]);

  // A real transaction, signed by the unlocked dev account the wallet has selected.
  const before = {
    taker: await balanceOf("0x0000000000000000000000000000000000000000", "taker"),
    arbiter: await balanceOf("0x0000000000000000000000000000000000000000", "arbiter"),
  };
  const tx = { to: ROLES.arbiter, value: `0x${parseEther("0.25").toString(16)}` };
  wallet.rejectNext();
  assert.deepEqual((await call("eth_sendTransaction", [tx])).error, { code: 4001, message: "User rejected the request.", data: undefined });
  const sent = await call("eth_sendTransaction", [{ ...tx, from: ROLES.maker }]);
  const hash = sent.result as Hex;
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  assert.equal(receipt.from.toLowerCase(), ROLES.taker.toLowerCase(), "the wallet signs with its selected account, whatever `from` the page asked");
  assert.equal(await balanceOf("0x0000000000000000000000000000000000000000", "arbiter"), before.arbiter + parseEther("0.25"));
  assert.equal(await balanceOf("0x0000000000000000000000000000000000000000", "taker"), before.taker - parseEther("0.25") - (await gasCost([hash])));

  // Reverts reach the page as an EIP-1193 error carrying the revert bytes, which viem decodes.
  const fillMissing = encodeFunctionData({ abi: swapEscrowAbi, functionName: "fillOffer", args: [10n ** 30n, 1n] });
  const revert = await call("eth_estimateGas", [{ from: ROLES.taker, to: deployment().swapEscrow.address, data: fillMissing }]);
  assert.ok(revert.error, "estimating a fill of an offer that does not exist fails");
  const data = findHex(revert.error.data);
  assert.ok(data, `the error carries revert data: ${JSON.stringify(revert.error)}`);
  assert.equal(decodeErrorResult({ abi: swapEscrowAbi, data }).errorName, "OfferNotOpen");

  await call("wallet_revokePermissions", [{ eth_accounts: {} }]);
  assert.deepEqual(await call("eth_accounts"), { result: [] }, "revoking hides the account again");
  await context.unroute("http://wallet.test/**");
  await page.close();
}

/** Nodes put revert bytes in `data` as a string or as `{ data }`; either way it is the first hex found. */
function findHex(value: unknown): Hex | undefined {
  if (typeof value === "string" && value.startsWith("0x")) return value as Hex;
  if (value && typeof value === "object") return findHex((value as { data?: unknown }).data);
  return undefined;
}
