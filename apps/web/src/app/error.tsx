"use client";

/** Last resort: a plain message and a retry instead of a blank page. */
export default function ErrorPage({ error, reset }: { error: Error; reset: () => void }) {
  return (
    <>
      <h1>Something went wrong</h1>
      <div className="notice error" role="alert">
        <p>
          <strong>This page hit an error it could not handle.</strong>
        </p>
        <p>{error.message}</p>
        <button type="button" className="secondary" onClick={reset}>
          Try again
        </button>
      </div>
    </>
  );
}
