"use client";

import { useEffect, useState } from "react";
import { useClient } from "wagmi";
import { appChain } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import type { RelayOrder } from "./relayOrderStore";

/** At most this many re-renders a second while a relay streams its stored orders. */
const THROTTLE_MS = 250;

/**
 * Signed offers from the relays that this browser verified itself (maker's signature and
 * SignedSwap.check), each once, with the relays that carried it. `loading` until the relay code
 * has loaded; orders then arrive as they pass their checks.
 */
export function useRelayOrders(): { orders: readonly RelayOrder[]; loading: boolean } {
  const client = useClient({ chainId: appChain.id });
  const [state, setState] = useState<{ orders: readonly RelayOrder[]; loading: boolean }>({ orders: [], loading: true });
  useEffect(() => {
    if (!client || !appDeployment) return;
    const contract = appDeployment.signedSwap.address;
    let stop: (() => void) | undefined;
    let gone = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    void import("./relayOrderFeed").then(({ relayOrderStore }) => {
      if (gone) return;
      const store = relayOrderStore(client, { chainId: appChain.id, contract });
      const show = () => {
        timer = undefined;
        if (!gone) setState({ orders: store.shown(), loading: false });
      };
      show();
      stop = store.subscribe(() => {
        timer ??= setTimeout(show, THROTTLE_MS);
      });
    });
    return () => {
      gone = true;
      clearTimeout(timer);
      stop?.();
    };
  }, [client]);
  return state;
}
