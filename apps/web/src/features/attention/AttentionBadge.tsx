"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useConnection } from "wagmi";
import { useMyDeals } from "@/features/marketData/useMyDeals";
import { useChainNow } from "@/hooks/useChainNow";
import { attentionCount } from "./attentionCount";
import { roomApi } from "@/features/room/roomApi";
import { roomKeys } from "@/features/room/roomKeys";
import { useKeySharing } from "@/features/room/useKeySharing";
import { useRoomSession } from "@/features/room/useRoomSession";

/**
 * "Needs your action" in the header: the deals waiting on me, from the indexer's public deal data
 * (no sign-in needed: an arbiter sees a fresh dispute at once; the room's count while the indexer
 * is down), plus the room's unread messages once signed in.
 */
export function AttentionBadge() {
  const { address } = useConnection();
  const { signedIn } = useRoomSession();
  const now = useChainNow();
  const { deals } = useMyDeals(address);
  const room = useQuery({
    queryKey: roomKeys.attention(address),
    queryFn: roomApi.attention,
    enabled: signedIn,
    refetchInterval: 10_000,
    retry: false,
  });
  const queryClient = useQueryClient();
  // A deal key owed to a new reader is shared from whichever page is open.
  useKeySharing(signedIn ? address : undefined, room.data?.waiting, () => void queryClient.invalidateQueries({ queryKey: ["room"] }));
  const unread = signedIn ? room.data?.unread.reduce((n, u) => n + u.count, 0) : undefined;
  const { waiting, total } = attentionCount({
    deals,
    account: address,
    now,
    unread,
    roomWaiting: signedIn ? room.data?.waiting.filter((w) => w.action !== "share-key").length : undefined,
    keysToShare: signedIn ? room.data?.waiting.filter((w) => w.action === "share-key").length : 0,
  });
  if (total === 0) return null;
  return (
    <Link
      href="/me"
      className="badge attention"
      data-testid="needs-action"
      data-count={total}
      title={`${waiting} deals wait for you${unread === undefined ? "" : `, ${unread} unread messages`}`}
    >
      Needs your action: {total}
    </Link>
  );
}
