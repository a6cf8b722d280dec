import { normalizeRelayUrl, parseRelayList } from "@peerlock/sdk";

/**
 * Which relays this browser reads and writes: the deployment's (NEXT_PUBLIC_RELAYS, inlined at
 * build time) and the ones the user added in the settings (kept in this browser).
 */
export const deploymentRelays: readonly string[] = parseRelayList(process.env.NEXT_PUBLIC_RELAYS);

/** Where this browser keeps the relays its user added (a JSON array of URLs). */
export const ADDED_RELAYS_KEY = "peerlock.relays.added";

export function loadAddedRelays(storage: Pick<Storage, "getItem"> | undefined): string[] {
  try {
    const raw = storage?.getItem(ADDED_RELAYS_KEY);
    const list: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(list) ? parseRelayList(list.filter((u) => typeof u === "string").join(",")) : [];
  } catch {
    return [];
  }
}

export function saveAddedRelays(storage: Pick<Storage, "setItem">, urls: readonly string[]): void {
  storage.setItem(ADDED_RELAYS_KEY, JSON.stringify([...new Set(urls)]));
}

/** The relay address the user typed, normalized, or an error in words. */
export function checkRelayInput(input: string): { ok: true; url: string } | { ok: false; error: string } {
  try {
    return { ok: true, url: normalizeRelayUrl(input) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error && error.message.startsWith("A relay") ? error.message : "That is not a relay address (wss://…).",
    };
  }
}

export function activeRelays(storage: Pick<Storage, "getItem"> | undefined): string[] {
  return [...new Set([...deploymentRelays, ...loadAddedRelays(storage)])];
}
