"use client";

import { useSyncExternalStore } from "react";
import { isNodeUnreachable } from "@/lib/loadError";

/*
 * Whether the app's node answers, as one value for the whole tab. Any read that fails for lack of
 * a node reports it here; NodeStatus then probes until the node is back and refreshes the page's
 * data. Nothing polls while the node is fine.
 */
export type NodeHealth = {
  /** When the node stopped answering (ms since epoch); 0 while it answers. */
  downSince: number;
  /** When it answered again after an outage; 0 if it never was down. */
  backAt: number;
};

const initial: NodeHealth = { downSince: 0, backAt: 0 };
let health = initial;
const listeners = new Set<() => void>();

function update(next: NodeHealth) {
  health = next;
  listeners.forEach((l) => l());
}

/** Call with any error a read or a watcher hit; only "the node did not answer" counts. */
export function reportNodeError(error: unknown): void {
  if (health.downSince === 0 && isNodeUnreachable(error)) update({ ...health, downSince: Date.now() });
}

export function reportNodeBack(): void {
  if (health.downSince !== 0) update({ downSince: 0, backAt: Date.now() });
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNodeHealth(): NodeHealth {
  return useSyncExternalStore(
    subscribe,
    () => health,
    () => initial,
  );
}
