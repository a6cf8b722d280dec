import type { OrderEventStatus, PublishResult, SignedOrderWithSignature } from "@peerlock/sdk";
import { relayHost } from "./mergeOrders";

/** How publishing a signed order to the relays went. */
export type PublishState = { phase: "sending" } | { phase: "done"; results: readonly PublishResult[] } | { phase: "failed"; message: string };

/**
 * Publishes a signed order (or its new status) as a NIP-69 event to every relay in force, loading
 * the relay code on demand. Never throws: the outcome comes back in words for the screen.
 */
export async function publishOrder(
  signed: SignedOrderWithSignature,
  opts: { status?: OrderEventStatus; source?: string } = {},
): Promise<PublishState> {
  try {
    const { publishOrderEvent } = await import("./relayPublish");
    return { phase: "done", results: await publishOrderEvent(signed, opts) };
  } catch (error) {
    return { phase: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}

/** "Relays: 2 of 2 accepted." / "Relays: 1 of 2 accepted; relay.example refused: blocked." */
export function relaysWords(state: PublishState): string {
  if (state.phase === "sending") return "Relays: sending…";
  if (state.phase === "failed") return `Relays: not sent (${state.message}).`;
  const { results } = state;
  if (results.length === 0) return "Relays: none configured.";
  const accepted = results.filter((r) => r.ok).length;
  const failures = results.filter((r) => !r.ok).map((r) => `${relayHost(r.url)}: ${r.message || "refused"}`);
  return `Relays: ${accepted} of ${results.length} accepted${failures.length ? ` (${failures.join("; ")})` : ""}.`;
}

/** Whether the market will list it: the book took it, or at least one relay did. */
export function listedSomewhere(bookListed: boolean, relays: PublishState): boolean {
  return bookListed || (relays.phase === "done" && relays.results.some((r) => r.ok));
}
