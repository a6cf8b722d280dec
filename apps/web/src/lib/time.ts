/** "2d 3h", "1h 02m", "4m 05s", "12s": a countdown that stays short. */
export function formatDuration(totalSeconds: bigint | number): string {
  let s = Math.max(0, Math.floor(Number(totalSeconds)));
  const d = Math.floor(s / 86_400);
  s -= d * 86_400;
  const h = Math.floor(s / 3_600);
  s -= h * 3_600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const pad = (n: number) => n.toString().padStart(2, "0");
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${pad(m)}m`;
  if (m > 0) return `${m}m ${pad(s)}s`;
  return `${s}s`;
}

/** Time left until `target` (unix seconds) as words, or how long ago it passed. */
export function describeDeadline(target: bigint, now: bigint): { text: string; passed: boolean } {
  if (now >= target) return { text: `ended ${formatDuration(now - target)} ago`, passed: true };
  return { text: `in ${formatDuration(target - now)}`, passed: false };
}

/** A unix time in the reader's locale, e.g. "26 Nov 2025, 14:05". */
export function formatDateTime(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Payment windows in words: 3600 -> "1 hour", 90 -> "1 min 30 s". */
export function formatWindow(seconds: number): string {
  const units: [number, string][] = [
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const n = seconds / size;
      return `${n} ${name}${n === 1 ? "" : "s"}`;
    }
  }
  return formatDuration(seconds);
}
