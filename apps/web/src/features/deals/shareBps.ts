import { dealLimits } from "@peerlock/sdk";

const BPS = dealLimits.bps;

/**
 * The arbiter's exact field, as typed: the buyer's share in basis points (0 to 10000). Only a
 * whole number in range is a share; anything else is an error to show, never a value to clamp,
 * so clearing the field to type a new number does not move the split.
 */
export function parseShareBps(text: string): { ok: true; bps: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === "") return { ok: false, error: `Enter the buyer's share: 0 to ${BPS} basis points.` };
  if (!/^\d+$/.test(t)) return { ok: false, error: `Use a whole number of basis points, 0 to ${BPS} (100 = 1 %).` };
  const bps = Number(t);
  if (bps > BPS) return { ok: false, error: `At most ${BPS} basis points (100 % to the buyer).` };
  return { ok: true, bps };
}
