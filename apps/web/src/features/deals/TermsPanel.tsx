"use client";

import type { Hex } from "viem";
import { useHash } from "@/hooks/useHash";
import { checkTerms } from "./terms";

/** The terms text from the link, checked against the deal's termsHash before anyone relies on it. */
export function TermsPanel({ termsHash }: { termsHash: Hex }) {
  const hash = useHash();
  if (hash === null) return null;
  const check = checkTerms(hash, termsHash);
  return (
    <section className="card" aria-labelledby="terms-title" data-testid="terms">
      <div className="row">
        <h2 id="terms-title" style={{ margin: 0 }}>
          Terms
        </h2>
        {check.kind === "matches" ? (
          <span className="badge matches" data-testid="terms-check" data-result="matches">
            Terms match the deal
          </span>
        ) : check.kind === "mismatch" ? (
          <span className="badge mismatch" data-testid="terms-check" data-result="mismatch">
            Terms do NOT match the deal
          </span>
        ) : check.kind === "invalid" ? (
          <span className="badge mismatch" data-testid="terms-check" data-result="invalid">
            Unreadable terms in link
          </span>
        ) : (
          <span className="badge" data-testid="terms-check" data-result="none">
            No terms in link
          </span>
        )}
      </div>
      {check.kind === "matches" || check.kind === "mismatch" ? <pre className="terms-text">{check.text}</pre> : null}
      {check.kind === "mismatch" ? (
        <p className="field-error">
          This text is not what the seller committed to on chain. Do not rely on it; ask the seller for the original link.
        </p>
      ) : null}
      {check.kind === "invalid" ? <p className="field-error">{check.reason} Ask for the link again.</p> : null}
      {check.kind === "none" ? (
        <p className="muted">
          The seller&apos;s share link carries the terms text after a #. Open that link to see and check the terms; the chain only stores their
          fingerprint: <span className="mono">{termsHash}</span>
        </p>
      ) : null}
    </section>
  );
}
