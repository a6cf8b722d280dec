import type { ReactNode } from "react";

/** A boxed message. Errors use role="alert" so screen readers announce them. */
export function Notice({ kind = "info", title, children }: { kind?: "info" | "warn" | "error" | "ok"; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice ${kind}`} role={kind === "error" ? "alert" : undefined}>
      {title ? (
        <p>
          <strong>{title}</strong>
        </p>
      ) : null}
      {children}
    </div>
  );
}
