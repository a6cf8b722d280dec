// Checks what a client sends before the relay library sees it (the library expects validated
// messages). A bad message gets a NIP-01 answer naming what is wrong, never an exception.
import type { Event, Filter, IncomingMessage, OutgoingMessage } from "@nostr-relay/common";
import type { RelayLimits } from "./limits.ts";

export type ParsedMessage = { ok: true; message: IncomingMessage } | { ok: false; reply: OutgoingMessage };

const HEX64 = /^[0-9a-f]{64}$/;
const HEX128 = /^[0-9a-f]{128}$/;
const TAG_FILTER = /^#[a-zA-Z]$/;
const MAX_SUBSCRIPTION_ID = 64;

const notice = (text: string): ParsedMessage => ({ ok: false, reply: ["NOTICE", `invalid: ${text}`] });

export function parseClientMessage(text: string, limits: RelayLimits): ParsedMessage {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return notice("message is not JSON");
  }
  if (!Array.isArray(data) || typeof data[0] !== "string") return notice("message must be a JSON array starting with its type");
  const [type, ...rest] = data as [string, ...unknown[]];
  if (type === "EVENT" || type === "AUTH") {
    const problem = rest.length === 1 ? eventProblem(rest[0]) : "EVENT takes exactly one event";
    if (problem === undefined) return { ok: true, message: [type, rest[0] as Event] };
    const id = (rest[0] as { id?: unknown } | undefined)?.id;
    return typeof id === "string" ? { ok: false, reply: ["OK", id, false, `invalid: ${problem}`] } : notice(problem);
  }
  if (type === "REQ") {
    const [subscriptionId, ...filters] = rest;
    if (!isSubscriptionId(subscriptionId)) return notice(`REQ needs a subscription id of 1 to ${MAX_SUBSCRIPTION_ID} characters`);
    const closed = (why: string): ParsedMessage => ({ ok: false, reply: ["CLOSED", subscriptionId, `invalid: ${why}`] });
    if (filters.length === 0) return closed("REQ needs at least one filter");
    if (filters.length > limits.maxFiltersPerReq) return closed(`at most ${limits.maxFiltersPerReq} filters per REQ`);
    for (const filter of filters) {
      const problem = filterProblem(filter);
      if (problem !== undefined) return closed(problem);
    }
    return { ok: true, message: ["REQ", subscriptionId, ...(filters as Filter[])] };
  }
  if (type === "CLOSE") {
    if (rest.length !== 1 || !isSubscriptionId(rest[0])) return notice("CLOSE takes one subscription id");
    return { ok: true, message: ["CLOSE", rest[0]] };
  }
  return notice(`unknown message type ${JSON.stringify(type).slice(0, 40)}`);
}

function isSubscriptionId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= MAX_SUBSCRIPTION_ID;
}

const isNonNegativeInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

/** What is wrong with an event's shape (its id and signature are checked by the library). */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "event must be an object";
  const event = value as Record<string, unknown>;
  if (typeof event.id !== "string" || !HEX64.test(event.id)) return "id must be 64 lowercase hex characters";
  if (typeof event.pubkey !== "string" || !HEX64.test(event.pubkey)) return "pubkey must be 64 lowercase hex characters";
  if (typeof event.sig !== "string" || !HEX128.test(event.sig)) return "sig must be 128 lowercase hex characters";
  if (!isNonNegativeInteger(event.created_at)) return "created_at must be a non-negative integer";
  if (!isNonNegativeInteger(event.kind) || event.kind > 65_535) return "kind must be an integer from 0 to 65535";
  if (typeof event.content !== "string") return "content must be a string";
  if (!Array.isArray(event.tags) || !event.tags.every(isStringArray)) return "tags must be arrays of strings";
  return undefined;
}

/** What is wrong with a NIP-01 filter; unsupported fields are refused rather than ignored. */
export function filterProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "a filter must be an object";
  for (const [key, field] of Object.entries(value)) {
    if (key === "ids" || key === "authors") {
      if (!isStringArray(field)) return `${key} must be an array of strings`;
    } else if (key === "kinds") {
      if (!Array.isArray(field) || !field.every(isNonNegativeInteger)) return "kinds must be an array of non-negative integers";
    } else if (key === "since" || key === "until" || key === "limit") {
      if (!isNonNegativeInteger(field)) return `${key} must be a non-negative integer`;
    } else if (TAG_FILTER.test(key)) {
      if (!isStringArray(field)) return `${key} must be an array of strings`;
    } else {
      return `unsupported filter field ${JSON.stringify(key).slice(0, 40)}`;
    }
  }
  return undefined;
}
