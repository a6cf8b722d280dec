"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** The page's origin for share links; empty during server rendering. */
export function useOrigin(): string {
  return useSyncExternalStore(
    noop,
    () => window.location.origin,
    () => "",
  );
}
