import { createConnector } from "wagmi";
import { type Address, getAddress, SwitchChainError, UserRejectedRequestError } from "viem";
import { appChain } from "@/config/chain";
import type { AccountPickerLoader } from "@/features/wallet/accountPicker";
import { loadSelection } from "./selection";

const DEV_WALLET_ID = "peerlockDevWallet";

type Provider = Awaited<ReturnType<typeof import("./signer").devProvider>>;

/** Whether the site is connected, kept apart from the choice so Disconnect survives a reload. */
const CONNECTED_KEY = "peerlock.devWallet.connected";

/**
 * The built-in dev wallet as a wagmi connector, listed in the chooser like any other wallet. The
 * account is chosen in the chooser (saved with saveSelection) before `connect`; signing code is
 * imported only when it is first needed, so the pages' First Load JS does not carry it.
 */
export function devWallet() {
  let provider: Provider | undefined;
  let providerFor: string | undefined;

  async function currentProvider(): Promise<Provider> {
    const selection = loadSelection();
    if (!selection) throw new UserRejectedRequestError(new Error("Pick a dev account first."));
    const key = JSON.stringify(selection);
    if (!provider || providerFor !== key) {
      const { accountOf, devProvider } = await import("./signer");
      provider = devProvider(accountOf(selection));
      providerFor = key;
    }
    return provider;
  }

  async function accounts(): Promise<readonly Address[]> {
    const p = await currentProvider();
    const list = (await p.request({ method: "eth_accounts" })) as string[];
    return list.map((a) => getAddress(a));
  }

  return createConnector<Provider, { loadAccountPicker: AccountPickerLoader }>((config) => ({
    id: DEV_WALLET_ID,
    name: "Dev wallet (local chain)",
    type: DEV_WALLET_ID,
    // The chooser shows this screen (dev accounts, or a fresh funded one) before `connect`.
    loadAccountPicker: () => import("./DevWalletPicker"),
    async connect({ chainId, withCapabilities } = {}) {
      if (chainId !== undefined && chainId !== appChain.id) throw new SwitchChainError(new Error(`The dev wallet only signs on ${appChain.name}.`));
      const list = await accounts();
      window.localStorage.setItem(CONNECTED_KEY, "1");
      // A new choice while connected (the chooser's "switch account") reaches wagmi as a change.
      config.emitter.emit("change", { accounts: list });
      return {
        accounts: (withCapabilities ? list.map((address) => ({ address, capabilities: {} })) : list) as never,
        chainId: appChain.id,
      };
    },
    async disconnect() {
      window.localStorage.removeItem(CONNECTED_KEY);
    },
    getAccounts: accounts,
    async getChainId() {
      return appChain.id;
    },
    getProvider: currentProvider,
    async isAuthorized() {
      return typeof window !== "undefined" && window.localStorage.getItem(CONNECTED_KEY) === "1" && loadSelection() !== undefined;
    },
    async switchChain({ chainId }) {
      if (chainId !== appChain.id) throw new SwitchChainError(new Error(`The dev wallet only signs on ${appChain.name}.`));
      return appChain;
    },
    onAccountsChanged(list) {
      if (list.length === 0) this.onDisconnect();
      else config.emitter.emit("change", { accounts: list.map((a) => getAddress(a)) });
    },
    onChainChanged() {},
    onDisconnect() {
      config.emitter.emit("disconnect");
    },
  }));
}
