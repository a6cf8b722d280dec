"use client";

import { describeDeadline, formatDateTime } from "@/lib/time";

/** "in 4m 05s" until `target`, then "ended 10s ago"; the exact time on hover. */
export function Countdown({ target, now, testId }: { target: bigint; now: bigint | undefined; testId?: string }) {
  if (now === undefined) return <span className="muted">…</span>;
  const { text, passed } = describeDeadline(target, now);
  return (
    <time dateTime={new Date(Number(target) * 1000).toISOString()} title={formatDateTime(target)} data-testid={testId} data-passed={passed}>
      {text}
    </time>
  );
}
