"use client";

import { useState } from "react";

/** Copies `text`; says so in a live region. */
export function CopyButton({ text, label = "Copy link" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
    setTimeout(() => setCopied("idle"), 2_500);
  }
  return (
    <span className="row">
      <button type="button" className="secondary small" onClick={copy}>
        {label}
      </button>
      <span aria-live="polite" className="muted">
        {copied === "copied" ? "Copied." : copied === "failed" ? "Could not copy: select the link and copy it." : ""}
      </span>
    </span>
  );
}
