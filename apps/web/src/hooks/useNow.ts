"use client";

import { useSyncExternalStore } from "react";

/*
 * One shared 1-second ticker for every countdown on the page. The server snapshot is 0, so
 * server HTML and the first client render agree; real time appears right after hydration.
 */
let listeners: (() => void)[] = [];
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.push(listener);
  timer ??= setInterval(() => listeners.forEach((l) => l()), 1_000);
  return () => {
    listeners = listeners.filter((l) => l !== listener);
    if (listeners.length === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Wall-clock unix seconds, updated every second; 0 during server rendering. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, nowSeconds, () => 0);
}
