"use client";

import type { ReactNode } from "react";
import { useHydrated } from "@/hooks/useHydrated";

/**
 * Holds a server-rendered form's controls disabled (and busy) until React has hydrated: a choice
 * made earlier would be reset to the state's default, and a click would do nothing.
 */
export function HydratedFieldset({ children }: { children: ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="plain" disabled={!hydrated} aria-busy={!hydrated}>
      {children}
    </fieldset>
  );
}
