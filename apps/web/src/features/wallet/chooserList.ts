/** The little of a wagmi connector the chooser's list needs. */
export type ListedConnector = { id: string; name: string; type: string; rdns?: string | readonly string[] };

const GENERIC_INJECTED = "injected";

/** EIP-6963 wallets announce themselves with a name and icon; the generic connector is window.ethereum. */
const isAnnounced = (c: ListedConnector) => c.type === "injected" && c.id !== GENERIC_INJECTED;

/**
 * Each wallet once, in the order a person expects: announced wallets, then others (WalletConnect,
 * the dev wallet), then the generic `window.ethereum` one. That generic entry is the same
 * extension as an announced one in every modern browser, so it is listed only when nothing
 * announced itself; and a wallet announced twice (same rdns or name) appears once.
 * `hasWindowEthereum` is false when no extension injected anything at all.
 */
export function chooserWallets<C extends ListedConnector>(connectors: readonly C[], hasWindowEthereum: boolean): C[] {
  const announced = connectors.some(isAnnounced);
  const seen = new Set<string>();
  const listed: C[] = [];
  for (const c of connectors) {
    if (c.id === GENERIC_INJECTED && (announced || !hasWindowEthereum)) continue;
    const rdns = Array.isArray(c.rdns) ? c.rdns[0] : c.rdns;
    const key = (rdns ?? c.name).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    listed.push(c);
  }
  const rank = (c: C) => (isAnnounced(c) ? 0 : c.id === GENERIC_INJECTED ? 2 : 1);
  return listed.sort((a, b) => rank(a) - rank(b));
}

export function walletLabel(c: ListedConnector): string {
  return c.id === GENERIC_INJECTED ? "Browser wallet" : c.name;
}
