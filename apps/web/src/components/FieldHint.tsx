import type { ReactNode } from "react";

/**
 * The line under a form field: its help, or its error in place of the help. The input points here
 * with aria-describedby, so a screen reader reads whichever is showing.
 */
export function FieldHint({ id, error, live, children }: { id: string; error: string | undefined; live?: boolean; children: ReactNode }) {
  return (
    <span id={id} className={error ? "field-error" : "hint"} aria-live={live ? "polite" : undefined}>
      {error ?? children}
    </span>
  );
}
