// NIP-01 filter matching and event kind classes, written out because the library's own live
// matcher ignores #tag filters (it would push every event of a kind to a tag subscription).
// Matching is defensive: a hostile relay stores events nobody validated.
import type { Event, Filter } from "@nostr-relay/common";

export type KindClass = "regular" | "replaceable" | "ephemeral" | "addressable";

/** NIP-01's kind ranges. */
export function kindClass(kind: number): KindClass {
  if (kind === 0 || kind === 3 || (kind >= 10_000 && kind < 20_000)) return "replaceable";
  if (kind >= 20_000 && kind < 30_000) return "ephemeral";
  if (kind >= 30_000 && kind < 40_000) return "addressable";
  return "regular";
}

/** The first `d` tag's value ("" when absent), as NIP-01 keys addressable events. */
export function dTag(event: Event): string {
  const tag = Array.isArray(event.tags) ? event.tags.find((t) => Array.isArray(t) && t[0] === "d") : undefined;
  return typeof tag?.[1] === "string" ? tag[1] : "";
}

/** The key under which a replaceable or addressable event replaces older ones, else undefined. */
export function replacementKey(event: Event): string | undefined {
  const cls = kindClass(event.kind);
  if (cls === "replaceable") return `${event.kind}:${event.pubkey}:`;
  if (cls === "addressable") return `${event.kind}:${event.pubkey}:${dTag(event)}`;
  return undefined;
}

export function matchesFilter(event: Event, filter: Filter): boolean {
  if (filter.ids && !filter.ids.includes(event.id)) return false;
  if (filter.authors && !filter.authors.includes(event.pubkey)) return false;
  if (filter.kinds && !filter.kinds.includes(event.kind)) return false;
  if (filter.since !== undefined && !(event.created_at >= filter.since)) return false;
  if (filter.until !== undefined && !(event.created_at <= filter.until)) return false;
  for (const [key, values] of Object.entries(filter)) {
    if (key.length !== 2 || key[0] !== "#" || !Array.isArray(values)) continue;
    const name = key[1];
    const tags = Array.isArray(event.tags) ? event.tags : [];
    if (!tags.some((t) => Array.isArray(t) && t[0] === name && (values as unknown[]).includes(t[1]))) return false;
  }
  return true;
}

export function matchesAny(event: Event, filters: readonly Filter[]): boolean {
  return filters.some((filter) => matchesFilter(event, filter));
}

/** NIP-01's order for stored results: newest first, ties by lowest id. */
export function newestFirst(a: Event, b: Event): number {
  if (a.created_at !== b.created_at) return b.created_at - a.created_at;
  return String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0;
}
