"use client";

import { appChain, appRpcUrl } from "@/config/chain";
import { describeLoadError } from "@/lib/loadError";
import { Notice } from "./Notice";

const node = { name: appChain.name, url: appRpcUrl };

/** Loading and error states of a query, worded for people, with a retry. */
export function QueryState({ what, isLoading, error, retry }: { what: string; isLoading: boolean; error: Error | null; retry: () => void }) {
  if (error) {
    const text = describeLoadError(error, what, node);
    return (
      <Notice kind="error" title={text.title}>
        <p>{text.detail}</p>
        <button type="button" className="secondary small" onClick={retry}>
          Try again now
        </button>
      </Notice>
    );
  }
  if (isLoading) return <p role="status">Loading {what}…</p>;
  return null;
}
