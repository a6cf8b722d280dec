"use client";

import { encodeRoomMessage, roomMessageTypedData } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { type Address, type Hex, zeroHash } from "viem";
import { useClient, useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { cleanFileName, sniffEvidence } from "./evidenceKind";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { sealEvidence, sealMessage } from "./sealedItems";
import { createSessionKey, loadSessionKey } from "./sessionKey";
import { verifyStoredMessage } from "./verifyInBrowser";

/** Live updates: the conversation and its evidence are polled every few seconds while open. */
const POLL_MS = 3_000;

/**
 * The deal's conversation, sealed end to end: messages and evidence are sealed here with the deal
 * key before they leave, and opened here; the server stores and checks only ciphertext and
 * signatures (the author signs the sealed body).
 */
export function useChat(dealId: bigint, account: Address | undefined, enabled: boolean, dealKey: Uint8Array | undefined) {
  const queryClient = useQueryClient();
  const client = useClient();
  const { signTypedDataAsync } = useSignTypedData();
  const messages = useQuery({
    queryKey: roomKeys.messages(dealId, account),
    queryFn: () => roomApi.messages(dealId),
    enabled,
    refetchInterval: POLL_MS,
  });
  const evidence = useQuery({
    queryKey: roomKeys.evidence(dealId, account),
    queryFn: () => roomApi.evidence(dealId),
    enabled,
    refetchInterval: POLL_MS,
  });
  const list = messages.data?.messages;

  // Signatures are checked in this browser; results are kept per message id.
  const checks = useQuery({
    queryKey: ["room", "checks", dealId.toString(), list?.map((m) => m.id).join(",") ?? ""],
    enabled: !!list && !!client,
    staleTime: Infinity,
    queryFn: async () => {
      const room = window.location.host;
      const entries = await Promise.all(list!.map(async (m) => [m.id, await verifyStoredMessage(m, client!, appChainId, room)] as const));
      return new Map(entries);
    },
  });

  // Reading the conversation marks it read (for the header's unread count).
  const lastMarked = useRef(0);
  const last = list?.at(-1)?.id ?? 0;
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
      const room = window.location.host;
      // The wallet signs once per week (the session key); each message is signed by the key, silently.
      const key = loadSessionKey(account, room) ?? (await createSessionKey(account, room, appChainId, (data) => signTypedDataAsync(data)));
      let evidenceHash: Hex = zeroHash;
      if (file) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const type = sniffEvidence(bytes);
        if (!type) throw new Error("Evidence must be a PNG, JPEG or WebP image or a PDF.");
        const sealed = sealEvidence(dealKey, dealId, bytes, { name: cleanFileName(file.name), type });
        evidenceHash = (await roomApi.upload(dealId, sealed.sealed, sealed.meta)).evidence.hash;
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
      // A retry after a network error reuses the clientId, so the server stores the message once.
      try {
        return await roomApi.post(dealId, outgoing);
      } catch (error) {
        if (error instanceof Error && "status" in error && (error as { status: number }).status === 0) return roomApi.post(dealId, outgoing);
        throw error;
      }
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["room"] }),
  });

  return { messages, evidence, checks: checks.data, send };
}
