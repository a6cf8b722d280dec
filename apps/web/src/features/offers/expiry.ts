/** Expiry choices of the create-offer form, in seconds from now (0 = never; "custom" = a date). */
export const expiryChoices = [
  { value: "0", label: "Never" },
  { value: "3600", label: "In 1 hour" },
  { value: "86400", label: "In 1 day" },
  { value: "604800", label: "In 7 days" },
  { value: "2592000", label: "In 30 days" },
  { value: "custom", label: "At a date and time…" },
] as const;

export type ExpiryResult = { ok: true; expiry: bigint } | { ok: false; error: string };

/**
 * The uint64 expiry to send. `custom` is a datetime-local value in the reader's time zone.
 * The contract refuses `expiry <= block.timestamp`, so a past date is caught here first.
 */
export function resolveExpiry(choice: string, custom: string, now: bigint): ExpiryResult {
  if (choice === "0") return { ok: true, expiry: 0n };
  if (choice === "custom") {
    const ms = Date.parse(custom);
    if (!custom || Number.isNaN(ms)) return { ok: false, error: "Pick a date and time for the expiry." };
    const expiry = BigInt(Math.floor(ms / 1000));
    if (expiry <= now + 60n) return { ok: false, error: "The expiry must be at least a minute in the future." };
    return { ok: true, expiry };
  }
  const seconds = Number(choice);
  if (!Number.isSafeInteger(seconds) || seconds <= 0) return { ok: false, error: "Choose an expiry." };
  return { ok: true, expiry: now + BigInt(seconds) };
}
