// Relay addresses, apart from the feed: settings pages and config read them without loading
// nostr-tools.

/** `wss://relay.example/` and `wss://relay.example` are one relay. */
export function normalizeRelayUrl(url: string): string {
  const parsed = new URL(url.trim());
  if (parsed.protocol !== "ws:" && parsed.protocol !== "wss:")
    throw new Error(`A relay address starts with wss:// (or ws:// for a local one): ${url}`);
  return parsed.toString().replace(/\/$/, "");
}

/** The relay addresses in a comma- or space-separated list (e.g. NEXT_PUBLIC_RELAYS), invalid ones skipped. */
export function parseRelayList(list: string | undefined): string[] {
  const urls: string[] = [];
  for (const item of (list ?? "").split(/[\s,]+/)) {
    if (!item) continue;
    try {
      urls.push(normalizeRelayUrl(item));
    } catch {
      // not a relay address: skipped, the caller shows the list it got
    }
  }
  return [...new Set(urls)];
}
