/**
 * The app's Content-Security-Policy. Scripts run only with this request's nonce ('strict-dynamic'
 * lets Next's nonced bootstrap load its own chunks), so no inline or injected script runs; the
 * page cannot be framed (clickjacking); connections go only to this site, the app's node, its
 * indexer, Nostr relays (any wss:// one, since users add their own; ws:// too when the deployment
 * itself runs a plain local relay), and WalletConnect's relay when it is configured.
 */
const WALLETCONNECT = {
  connect: [
    "https://*.walletconnect.com",
    "https://*.walletconnect.org",
    "wss://*.walletconnect.com",
    "wss://*.walletconnect.org",
    "https://*.web3modal.org",
    "https://*.reown.com",
    "wss://*.reown.com",
  ],
  frame: [
    "https://verify.walletconnect.com",
    "https://verify.walletconnect.org",
    "https://secure.walletconnect.org",
    "https://secure.walletconnect.com",
  ],
  img: ["https://*.walletconnect.com", "https://*.walletconnect.org", "https://*.web3modal.org", "https://*.reown.com"],
};

export type CspOptions = { nonce: string; rpcUrl: string; indexerUrl?: string; relays?: readonly string[]; walletConnect: boolean; dev: boolean };

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

export function contentSecurityPolicy({ nonce, rpcUrl, indexerUrl, relays = [], walletConnect, dev }: CspOptions): string {
  const wc = walletConnect ? WALLETCONNECT : { connect: [], frame: [], img: [] };
  const relaySchemes = ["wss:", ...(!dev && relays.some((r) => r.startsWith("ws://")) ? ["ws:"] : [])];
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // React's dev build needs eval for its error overlay; production never gets it.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Styles are not script: React's style attributes and Next's style tags need inline styles.
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", ...wc.img],
    "font-src": ["'self'", "data:"],
    "connect-src": [
      "'self'",
      originOf(rpcUrl),
      indexerUrl ? originOf(indexerUrl) : "",
      ...(dev ? ["ws:"] : []),
      ...relaySchemes,
      ...wc.connect,
    ].filter(Boolean),
    "frame-src": wc.frame.length ? wc.frame : ["'none'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
