import type { RelayState } from "@peerlock/sdk";
import { checkRelayInput } from "./relayConfig";

export type RelayListChange = { ok: true; added: string[] } | { ok: false; error: string };

/**
 * The user's list with the typed relay added, or why not, in words. On a page served over https
 * (`securePage`) browsers refuse plain ws:// connections, so such a relay is refused here rather
 * than listed as forever "retrying".
 */
export function addRelay(added: readonly string[], fixed: readonly string[], input: string, securePage = false): RelayListChange {
  if (input.trim() === "") return { ok: false, error: "Type a relay address first (wss://…)." };
  const checked = checkRelayInput(input);
  if (!checked.ok) return checked;
  if (securePage && checked.url.startsWith("ws://"))
    return { ok: false, error: "This page is served over https, so your browser only reaches wss:// relays. Use the relay's wss:// address." };
  if (fixed.includes(checked.url)) return { ok: false, error: "This app already uses that relay." };
  if (added.includes(checked.url)) return { ok: false, error: "You already added that relay." };
  return { ok: true, added: [...added, checked.url] };
}

export function removeRelay(added: readonly string[], url: string): string[] {
  return added.filter((u) => u !== url);
}

/** A relay's state in words: "Open", "Retrying: the connection closed", "Cut off: it sent …". */
export function relayStateWords(state: RelayState | undefined): string {
  if (!state) return "Not connected yet";
  switch (state.status) {
    case "connecting":
      return "Connecting…";
    case "open":
      return `Open (${state.received} ${state.received === 1 ? "event" : "events"} received)`;
    case "retrying":
      return `Retrying${state.reason ? `: ${state.reason}` : ""}`;
    case "cut-off":
      return state.reason ?? "Cut off";
    case "closed":
      return "Closed";
  }
}
