"use client";

import { type Deal, encodeRoomMessage, type RoomItem, roomItemWireSchema, roomMessageTypedData } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { type Address, type Hex, zeroHash } from "viem";
import { useClient, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { type ChatItem, mergeChat, storedMessageId } from "./chatItems";
import { cleanFileName, sniffEvidence } from "./evidenceKind";
import { useCheckedRelayItems } from "./relayChecks";
import { isUnreachableError, RoomApiError, roomApi } from "./roomApi";
import { showRelayMessage } from "./roomItemRules";
import { roomKeys } from "./roomKeys";
import { chatKey } from "./roomSigner";
import { openMessage, sealEvidence, sealMessage } from "./sealedItems";
import { publishToRoom, useRelayRoom } from "./useRelayRoom";
import { verifyStoredMessage } from "./verifyInBrowser";

/** Live updates: the server's copy of the conversation and its evidence are polled while open; relays push. */
const POLL_MS = 3_000;

type MessageItem = Extract<RoomItem, { type: "message" }>;
export type Check = { ok: true; via: string } | { ok: false; reason: string };

/**
 * The deal's conversation, sealed end to end: messages and evidence are sealed here with the deal
 * key before they leave, and opened here. Each message goes to the server and to every relay; the
 * conversation is the server's messages merged with the relays' (one row per message). A relay's
 * message is shown only when its author may write here, its signature is theirs and it opens with
 * the deal key; anything else from a relay is dropped unseen.
 */
export function useChat(dealId: bigint, deal: Deal, account: Address | undefined, enabled: boolean, dealKey: Uint8Array | undefined) {
  const queryClient = useQueryClient();
  const client = useClient();
  const { signTypedDataAsync } = useSignTypedData();
  const messages = useQuery({
    queryKey: roomKeys.messages(dealId, account),
    queryFn: () => roomApi.messages(dealId),
    enabled,
    refetchInterval: POLL_MS,
    retry: false,
  });
  const evidence = useQuery({
    queryKey: roomKeys.evidence(dealId, account),
    queryFn: () => roomApi.evidence(dealId),
    enabled,
    refetchInterval: POLL_MS,
    retry: false,
  });
  const checkedRelay = useCheckedRelayItems(dealId, deal, useRelayRoom(dealId, enabled));
  const [sent, setSent] = useState<{ item: MessageItem; relays: string[] }[]>([]);
  const relayMessages = useMemo(() => {
    if (!dealKey) return [];
    const fromRelays = checkedRelay
      .filter((i): i is typeof i & { item: MessageItem } => i.item.type === "message")
      .filter((i) =>
        showRelayMessage({ deal, author: i.item.author, signatureOk: true, opens: openMessage(dealKey, dealId, i.item.message.body).ok }),
      )
      .map((i) => ({ item: i.item, relays: i.relays }));
    return [...fromRelays, ...sent];
  }, [checkedRelay, sent, dealKey, deal, dealId]);
  const serverList = messages.data?.messages;
  const list: ChatItem[] = useMemo(() => mergeChat(dealId, serverList, relayMessages), [dealId, serverList, relayMessages]);

  // The server's messages are checked here as before (an invalid one shows as such); relay ones were checked before they got in.
  const serverChecks = useQuery({
    queryKey: ["room", "checks", dealId.toString(), serverList?.map((m) => m.id).join(",") ?? ""],
    enabled: !!serverList && !!client,
    staleTime: Infinity,
    queryFn: async () => {
      const room = window.location.host;
      const entries = await Promise.all(
        serverList!.map(async (m) => [storedMessageId(m), (await verifyStoredMessage(m, client!, appChainId, room)) as Check] as const),
      );
      return new Map(entries);
    },
  });
  const checks = useMemo(() => {
    const map = new Map<string, Check>(serverChecks.data ?? []);
    for (const item of list) if (!item.onServer) map.set(item.id, { ok: true, via: "relays" });
    return map;
  }, [serverChecks.data, list]);

  // Reading the conversation marks it read (for the header's unread count).
  const lastMarked = useRef(0);
  const last = serverList?.at(-1)?.id ?? 0;
  useEffect(() => {
    if (enabled && last > lastMarked.current) {
      lastMarked.current = last;
      void roomApi
        .markRead(dealId, last)
        .then(() => queryClient.invalidateQueries({ queryKey: roomKeys.attention(account) }))
        .catch(() => {
          lastMarked.current = 0; // try again on the next poll
        });
    }
  }, [enabled, last, dealId, account, queryClient]);

  const send = useMutation({
    mutationFn: async ({ body: text, file }: { body: string; file?: File }) => {
      if (!account) throw new Error("Connect a wallet first.");
      if (!dealKey) throw new Error("This browser cannot encrypt for this deal yet: unlock your room key first.");
      // The wallet signs once per week (the session key); each message is signed by the key, silently.
      const key = await chatKey(account, (data) => signTypedDataAsync(data));
      let evidenceHash: Hex = zeroHash;
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const type = sniffEvidence(bytes);
        if (!type) throw new Error("Evidence must be a PNG, JPEG or WebP image or a PDF.");
        const sealed = sealEvidence(dealKey, dealId, bytes, { name: cleanFileName(file.name), type });
        try {
          evidenceHash = (await roomApi.upload(dealId, sealed.sealed, sealed.meta)).evidence.hash;
        } catch (error) {
          if (!isUnreachableError(error)) throw error;
          throw new Error(
            "Evidence files are kept on the app's server only (they are too big for relays), and the server cannot be reached now. Your message is kept here: send it without the file, or try again later.",
          );
        }
      }
      const body = sealMessage(dealKey, dealId, text.trim() === "" ? "" : text);
      const clientId = crypto.randomUUID();
      const sentAt = Math.floor(Date.now() / 1000);
      const signature = await key.account.signTypedData(
        roomMessageTypedData(appChainId, { author: account, dealId, clientId, body, evidence: evidenceHash, sentAt: BigInt(sentAt) }),
      );
      const outgoing = encodeRoomMessage({
        message: { author: account, dealId, clientId, body, evidence: evidenceHash, sentAt: BigInt(sentAt) },
        signature,
        sessionKey: {
          authorization: { ...key.stored.authorization, expiry: BigInt(key.stored.authorization.expiry) },
          signature: key.stored.authorization.signature,
        },
      });
      const item = roomItemWireSchema.parse({ type: "message", author: account, message: outgoing }) as MessageItem;
      const [server, relays] = await Promise.all([
        postOnce(dealId, outgoing).then(
          () => ({ ok: true as const }),
          (error: unknown) => ({ ok: false as const, error }),
        ),
        publishToRoom(dealId, item).catch(() => []),
      ]);
      const took = relays.filter((r) => r.ok).map((r) => r.url);
      if (!server.ok && took.length === 0) {
        if (!isUnreachableError(server.error)) throw server.error;
        throw new Error("Neither the app's server nor any relay took the message. It is kept here: try again in a moment.");
      }
      if (took.length > 0) setSent((s) => [...s, { item, relays: took }]);
      return { server: server.ok, relays: took.length, of: relays.length };
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["room"] }),
  });

  return { messages, evidence, list, checks, send };
}

/** A retry after a network error reuses the clientId, so the server stores the message once. */
async function postOnce(dealId: bigint, outgoing: ReturnType<typeof encodeRoomMessage>) {
  try {
    return await roomApi.post(dealId, outgoing);
  } catch (error) {
    if (error instanceof RoomApiError && error.status === 0) return roomApi.post(dealId, outgoing);
    throw error;
  }
}
