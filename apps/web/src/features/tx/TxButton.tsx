"use client";

import { useState } from "react";
import { isBusy } from "./txState";
import { TxStatus } from "./TxStatus";
import { type Tx, type TxPlan, useTransaction } from "./useTransaction";

type Props = {
  /** The button's accessible name, e.g. "Fill", "Release". */
  label: string;
  /** Builds the plan at click time; undefined means "nothing to send" (the form shows why). */
  plan: () => TxPlan | undefined;
  disabled?: boolean;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
  /**
   * A transaction owned by the page, when the button may disappear once it succeeds (a filled
   * offer has no Fill button): the page then shows the status where it stays visible.
   */
  tx?: Tx;
  /**
   * For a step that cannot be taken back (a dispute, a cancel): the first click asks this
   * question, and only "Yes, <label>" sends.
   */
  confirm?: string;
};

/** A button that runs one transaction plan and, unless the page owns the status, shows its life underneath. */
export function TxButton({ tx, ...props }: Props) {
  if (tx) return <PlainTxButton tx={tx} {...props} />;
  return <OwnTxButton {...props} />;
}

function OwnTxButton(props: Omit<Props, "tx">) {
  const tx = useTransaction();
  return (
    <div>
      <PlainTxButton tx={tx} {...props} />
      <TxStatus state={tx.state} />
    </div>
  );
}

function PlainTxButton({ label, plan, disabled, variant = "primary", testId, tx, confirm }: Props & { tx: Tx }) {
  const busy = isBusy(tx.state);
  const [asking, setAsking] = useState(false);
  const send = () => {
    setAsking(false);
    const p = plan();
    if (p) void tx.run(p);
  };
  if (asking && !disabled && !busy) {
    return (
      <div className="confirm-step" role="group" aria-label={`Confirm: ${label}`}>
        <p style={{ margin: "0 0 0.4rem" }}>{confirm}</p>
        <div className="row">
          <button
            type="button"
            className={variant === "primary" ? undefined : variant}
            data-testid={testId ? `${testId}-confirm` : undefined}
            onClick={send}
          >
            Yes, {label.charAt(0).toLowerCase() + label.slice(1)}
          </button>
          <button type="button" className="secondary" onClick={() => setAsking(false)}>
            Not now
          </button>
        </div>
      </div>
    );
  }
  return (
    <button
      type="button"
      className={variant === "primary" ? undefined : variant}
      disabled={disabled || busy}
      aria-busy={busy}
      data-testid={testId}
      onClick={() => (confirm ? setAsking(true) : send())}
    >
      {label}
    </button>
  );
}
