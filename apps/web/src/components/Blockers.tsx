/**
 * Why an action cannot go ahead yet, as a list. The live region stays in the page even when the
 * list is empty, so a screen reader hears a reason as soon as it appears (a live region inserted
 * together with its text is often not announced).
 */
export function Blockers({ reasons, testId }: { reasons: readonly string[]; testId: string }) {
  return (
    <div aria-live="polite">
      {reasons.length > 0 ? (
        <div className="notice warn" data-testid={testId}>
          <ul>
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
