"use client";

/** Last resort: a plain message and a retry instead of a blank page. */
export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <div className="notice error" role="alert">
      <p>
        <strong>Something went wrong on this page.</strong>
      </p>
      <p>{error.message}</p>
      <button type="button" className="secondary" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
