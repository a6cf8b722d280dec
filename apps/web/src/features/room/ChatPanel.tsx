"use client";

import type { Deal } from "@peerlock/sdk";
import { useId, useState } from "react";
import { type Address, zeroHash } from "viem";
import { sameAddress, shortAddress } from "@/lib/address";
import { canUseRoom } from "./access";
import { roomApi, type EvidenceInfo, type StoredMessage } from "./roomApi";
import { SignInButton } from "./SignInButton";
import { useChat } from "./useChat";
import { useRoomSession } from "./useRoomSession";

const ACCEPT = "image/png,image/jpeg,image/webp,application/pdf";

/** The deal's conversation and evidence, for seller and buyer, and the arbiter once disputed. */
export function ChatPanel({ dealId, deal, account }: { dealId: bigint; deal: Deal; account: Address | undefined }) {
  const { signedIn } = useRoomSession();
  const allowed = canUseRoom(deal, account);
  const chat = useChat(dealId, account, allowed && signedIn);
  if (!allowed) return null;
  return (
    <section className="card" aria-labelledby="chat-title" data-testid="chat">
      <h2 id="chat-title" style={{ marginTop: 0 }}>
        Conversation
      </h2>
      <p className="hint">
        Every message is signed by its author&apos;s wallet (through a chat key it authorized once), so the arbiter and anyone later can check who
        said what without trusting this server. Messages and evidence are kept after the deal ends.
      </p>
      {!signedIn ? (
        <SignInButton reason="Sign in to the deal room to read and write messages." />
      ) : (
        <>
          {chat.messages.error ? <p className="field-error">{chat.messages.error.message}</p> : null}
          <ol className="chat-list" data-testid="chat-messages" aria-live="polite">
            {(chat.messages.data?.messages ?? []).map((m) => (
              <ChatMessage
                key={m.id}
                m={m}
                deal={deal}
                dealId={dealId}
                account={account}
                check={chat.checks?.get(m.id)}
                evidence={chat.evidence.data?.evidence}
              />
            ))}
          </ol>
          {chat.messages.data?.messages.length === 0 ? <p className="muted">No messages yet.</p> : null}
          <Composer busy={chat.send.isPending} error={chat.send.error?.message} onSend={(body, file) => chat.send.mutateAsync({ body, file })} />
          <EvidenceList dealId={dealId} items={chat.evidence.data?.evidence ?? []} deal={deal} />
        </>
      )}
    </section>
  );
}

function who(deal: Deal, author: Address, account: Address | undefined): string {
  const role = sameAddress(deal.seller, author)
    ? "Seller"
    : sameAddress(deal.buyer, author)
      ? "Buyer"
      : sameAddress(deal.arbiter, author)
        ? "Arbiter"
        : shortAddress(author);
  return sameAddress(author, account) ? `${role} (you)` : role;
}

type Check = { ok: true; via: string } | { ok: false; reason: string };

function ChatMessage({
  m,
  deal,
  dealId,
  account,
  check,
  evidence,
}: {
  m: StoredMessage;
  deal: Deal;
  dealId: bigint;
  account?: Address;
  check?: Check;
  evidence?: EvidenceInfo[];
}) {
  const file = m.evidence !== zeroHash ? evidence?.find((e) => e.hash === m.evidence) : undefined;
  return (
    <li className="chat-message" data-testid="chat-message" data-author={m.author}>
      <div className="row">
        <strong>{who(deal, m.author, account)}</strong>
        <span className="muted">{new Date(m.sentAt * 1000).toLocaleString()}</span>
        {check === undefined ? (
          <span className="badge" data-testid="signature-check" data-result="pending">
            checking…
          </span>
        ) : check.ok ? (
          <span
            className="badge matches"
            data-testid="signature-check"
            data-result="verified"
            title={`Signed by ${m.author}${m.sessionKey ? " through its chat key" : ""}`}
          >
            ✓ signature verified
          </span>
        ) : (
          <span className="badge mismatch" data-testid="signature-check" data-result="invalid" title={check.reason}>
            ✗ signature NOT valid
          </span>
        )}
      </div>
      {m.body ? <p className="chat-body">{m.body}</p> : null}
      {m.evidence !== zeroHash ? (
        <p>
          Evidence:{" "}
          <a href={roomApi.evidenceUrl(dealId, m.evidence)} target="_blank" rel="noopener noreferrer" data-testid="message-evidence">
            {file?.fileName ?? m.evidence}
          </a>
        </p>
      ) : null}
    </li>
  );
}

function Composer({ busy, error, onSend }: { busy: boolean; error?: string; onSend: (body: string, file?: File) => Promise<unknown> }) {
  const id = useId();
  const [body, setBody] = useState("");
  const [file, setFile] = useState<File | undefined>();
  const [inputKey, setInputKey] = useState(0);
  const tooBig = file !== undefined && file.size > 5 * 1024 * 1024;
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (busy || (body.trim() === "" && !file) || tooBig) return;
    await onSend(body, file).then(
      () => {
        setBody("");
        setFile(undefined);
        setInputKey((k) => k + 1);
      },
      () => {},
    );
  }
  return (
    <form onSubmit={submit} className="chat-composer">
      <label htmlFor={`${id}-body`}>Message</label>
      <textarea id={`${id}-body`} rows={3} maxLength={4000} value={body} onChange={(e) => setBody(e.target.value)} data-testid="chat-input" />
      <label htmlFor={`${id}-file`}>Evidence (PNG, JPEG, WebP or PDF, up to 5 MB)</label>
      <input key={inputKey} id={`${id}-file`} type="file" accept={ACCEPT} onChange={(e) => setFile(e.target.files?.[0])} data-testid="chat-file" />
      {tooBig ? <p className="field-error">That file is over 5 MB.</p> : null}
      <button type="submit" disabled={busy || (body.trim() === "" && !file) || tooBig} data-testid="chat-send">
        {busy ? "Sending…" : "Send"}
      </button>
      {error ? <p className="field-error">{error}</p> : null}
    </form>
  );
}

function EvidenceList({ dealId, items, deal }: { dealId: bigint; items: EvidenceInfo[]; deal: Deal }) {
  if (items.length === 0) return null;
  return (
    <div data-testid="evidence-list">
      <h3>Evidence</h3>
      <ul>
        {items.map((e) => (
          <li key={e.hash}>
            <a href={roomApi.evidenceUrl(dealId, e.hash)} target="_blank" rel="noopener noreferrer" data-testid="evidence-link">
              {e.fileName}
            </a>{" "}
            <span className="muted">
              ({e.contentType}, {Math.ceil(e.size / 1024)} KB, from {who(deal, e.uploader, undefined)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
