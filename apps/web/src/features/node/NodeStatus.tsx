"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { getBlockNumber } from "viem/actions";
import { useClient } from "wagmi";
import { appChain, appRpcUrl } from "@/config/chain";
import { queryKeys } from "@/lib/queryKeys";
import { reportNodeBack, reportNodeError, useNodeHealth } from "./nodeHealth";

const PROBE_EVERY_MS = 3_000;
const BACK_NOTE_MS = 6_000;
// Outside queryKeys.root on purpose: re-reading the app's queries after an outage must not re-probe.
const probeKey = ["peerlock-node-probe"] as const;

/**
 * A banner while the node does not answer: what is on screen may be out of date and nothing can
 * be sent. It probes the node every few seconds and, once it answers, re-reads every query of the
 * app, so the pages recover by themselves.
 */
export function NodeStatus() {
  const client = useClient();
  const queryClient = useQueryClient();
  const { downSince, backAt } = useNodeHealth();
  const down = downSince !== 0;

  // Every failed read of the app says whether the node was the reason.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && event.action.type === "error") reportNodeError(event.action.error);
      }),
    [queryClient],
  );

  const probe = useQuery({
    queryKey: probeKey,
    queryFn: () => getBlockNumber(client!, { cacheTime: 0 }),
    enabled: down && !!client,
    refetchInterval: PROBE_EVERY_MS,
    retry: false,
    gcTime: 0,
  });
  const answeredAt = probe.dataUpdatedAt;

  useEffect(() => {
    // Only an answer to a probe sent after the outage began means the node is back.
    if (!down || answeredAt <= downSince) return;
    reportNodeBack();
    void queryClient.invalidateQueries({ queryKey: queryKeys.root });
  }, [down, downSince, answeredAt, queryClient]);

  // "Back" shows for a few seconds after each recovery.
  const [noteHiddenFor, setNoteHiddenFor] = useState(0);
  useEffect(() => {
    if (backAt === 0) return;
    const timer = setTimeout(() => setNoteHiddenFor(backAt), BACK_NOTE_MS);
    return () => clearTimeout(timer);
  }, [backAt]);

  return (
    <div role="status" aria-live="polite" data-testid="node-status">
      {down ? (
        <div className="banner error">
          <p className="banner-inner">
            <span>
              <strong>The {appChain.name} node does not answer</strong> ({appRpcUrl}). What you see may be out of date, and nothing can be sent until
              it is back. Trying again every few seconds…
            </span>
          </p>
        </div>
      ) : backAt !== 0 && noteHiddenFor !== backAt ? (
        <div className="banner ok">
          <p className="banner-inner">The node answers again; the page has re-read the chain.</p>
        </div>
      ) : null}
    </div>
  );
}
