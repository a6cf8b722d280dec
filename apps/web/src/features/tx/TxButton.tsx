"use client";

import { isBusy } from "./txState";
import { TxStatus } from "./TxStatus";
import { useTransaction, type TxPlan } from "./useTransaction";

type Props = {
  /** The button's accessible name, e.g. "Fill", "Release". */
  label: string;
  /** Builds the plan at click time; undefined means "nothing to send" (the form shows why). */
  plan: () => TxPlan | undefined;
  disabled?: boolean;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
};

/** A button that runs one transaction plan and shows its whole life underneath. */
export function TxButton({ label, plan, disabled, variant = "primary", testId }: Props) {
  const { state, run } = useTransaction();
  const busy = isBusy(state);
  return (
    <div>
      <button
        type="button"
        className={variant === "primary" ? undefined : variant}
        disabled={disabled || busy}
        aria-busy={busy}
        data-testid={testId}
        onClick={() => {
          const p = plan();
          if (p) void run(p);
        }}
      >
        {label}
      </button>
      <TxStatus state={state} />
    </div>
  );
}
