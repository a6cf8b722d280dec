import { describe, expect, it } from "vitest";
import { chooserWallets, type ListedConnector, walletLabel } from "./chooserList";

const generic: ListedConnector = { id: "injected", name: "Injected", type: "injected" };
const metamask: ListedConnector = { id: "io.metamask", name: "MetaMask", type: "injected", rdns: "io.metamask" };
const metamaskAgain: ListedConnector = { id: "io.metamask.2", name: "MetaMask", type: "injected", rdns: "io.metamask" };
const dev: ListedConnector = { id: "peerlockDevWallet", name: "Dev wallet (local chain)", type: "peerlockDevWallet" };
const wc: ListedConnector = { id: "walletConnect", name: "WalletConnect", type: "walletConnect" };

const ids = (list: ListedConnector[]) => list.map((c) => c.id);

describe("chooserWallets", () => {
  it("lists an announced wallet once, without the generic entry for the same extension", () => {
    expect(ids(chooserWallets([generic, dev, metamask, metamaskAgain], true))).toEqual(["io.metamask", "peerlockDevWallet"]);
  });

  it("keeps the generic entry for an extension that only injects window.ethereum, last", () => {
    expect(ids(chooserWallets([generic, wc, dev], true))).toEqual(["walletConnect", "peerlockDevWallet", "injected"]);
    expect(walletLabel(generic)).toBe("Browser wallet");
  });

  it("drops the generic entry when nothing was injected, leaving the built-in wallets", () => {
    expect(ids(chooserWallets([generic, dev], false))).toEqual(["peerlockDevWallet"]);
    expect(chooserWallets([generic], false)).toEqual([]);
  });
});
