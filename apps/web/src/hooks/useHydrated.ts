"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/**
 * False in the server's HTML and until React has hydrated the page, true after. Controls whose
 * clicks or choices would be lost before hydration render disabled and busy until then, so they
 * visibly wait instead of silently ignoring a person (or resetting what they picked).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
}
