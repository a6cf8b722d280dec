"use client";

import type { RelayState } from "@peerlock/sdk";
import { useEffect, useState } from "react";

/** The relays in force and how each is doing (connecting, open, retrying, cut off). */
export function useRelayStates(): RelayState[] {
  const [states, setStates] = useState<RelayState[]>([]);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let gone = false;
    void import("./relayPool").then(({ onRelayStates }) => {
      if (!gone) stop = onRelayStates(setStates);
    });
    return () => {
      gone = true;
      stop?.();
    };
  }, []);
  return states;
}
