"use client";

import { Notice } from "./Notice";

/** Loading and error states of a query, worded for people, with a retry. */
export function QueryState({ what, isLoading, error, retry }: { what: string; isLoading: boolean; error: Error | null; retry: () => void }) {
  if (error) {
    return (
      <Notice kind="error" title={`Could not load ${what}.`}>
        <p>The node did not answer as expected. Check that it is running and reachable.</p>
        <button type="button" className="secondary small" onClick={retry}>
          Try again
        </button>
      </Notice>
    );
  }
  if (isLoading) return <p role="status">Loading {what}…</p>;
  return null;
}
