"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useConnection } from "wagmi";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { useRoomSession } from "./useRoomSession";

/** "Needs your action" in the header: my deals waiting on me plus unread messages, once signed in to the room. */
export function AttentionBadge() {
  const { address } = useConnection();
  const { signedIn } = useRoomSession();
  const attention = useQuery({
    queryKey: roomKeys.attention(address),
    queryFn: roomApi.attention,
    enabled: signedIn,
    refetchInterval: 10_000,
    retry: false,
  });
  const total = attention.data?.total ?? 0;
  if (!signedIn || total === 0) return null;
  const unread = attention.data?.unread.reduce((n, u) => n + u.count, 0) ?? 0;
  return (
    <Link
      href="/me"
      className="badge attention"
      data-testid="needs-action"
      data-count={total}
      title={`${attention.data?.waiting.length ?? 0} deals wait for you, ${unread} unread messages`}
    >
      Needs your action: {total}
    </Link>
  );
}
