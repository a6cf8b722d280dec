"use client";

import type { Deal } from "@peerlock/sdk";
import { useEffect, useId, useState } from "react";
import { type Address, type Hex, zeroHash } from "viem";
import { useRelayStates } from "@/features/relays/useRelays";
import { sameAddress, shortAddress } from "@/lib/address";
import { canUseRoom } from "./access";
import { whereSeen } from "./chatItems";
import { roomApi, type EvidenceInfo, type StoredMessage } from "./roomApi";
import { sniffEvidence } from "./evidenceKind";
import { openEvidence, openEvidenceMeta, openMessage } from "./sealedItems";
import { LockNote, SignInButton, UnlockButton } from "./SignInButton";
import { useDealKey } from "./useDealKey";
import { type Check, useChat } from "./useChat";
import { useRoomSession } from "./useRoomSession";

const ACCEPT = "image/png,image/jpeg,image/webp,application/pdf";

/** The deal's conversation and evidence, for seller and buyer, and the arbiter once disputed. */
export function ChatPanel({ dealId, deal, account }: { dealId: bigint; deal: Deal; account: Address | undefined }) {
  const { roomOpen, serverDown } = useRoomSession();
  const allowed = canUseRoom(deal, account);
  const key = useDealKey(dealId, deal, account);
  const chat = useChat(dealId, deal, account, allowed && roomOpen, key.dealKey);
  const relays = useRelayStates();
  if (!allowed) return null;
  return (
    <section className="card" aria-labelledby="chat-title" data-testid="chat">
      <h2 id="chat-title" style={{ marginTop: 0 }}>
        Conversation
      </h2>
      <LockNote />
      <p className="hint">
        Every message is signed by its author&apos;s wallet (through a chat key it authorized once), so the arbiter and anyone later can check who
        said what without trusting this server. Messages and evidence are kept after the deal ends.
      </p>
      {roomOpen && serverDown ? <RelaysOnlyNote open={relays.filter((r) => r.status === "open").length} total={relays.length} /> : null}
      {!roomOpen ? (
        <SignInButton reason="Sign in to the deal room to read and write messages." />
      ) : !key.roomKey ? (
        <UnlockButton reason="This browser has no room key for your wallet yet: sign to make it (no transaction), then read and write messages." />
      ) : key.needsAttestation ? (
        <UnlockButton reason="The app's server, which knows your room key, cannot be reached: sign once more (no transaction) so the relays carry your key and the other side can share the deal's key with you." />
      ) : key.error ? (
        <p className="field-error" data-testid="deal-key-error">
          {key.error.message}
        </p>
      ) : !key.dealKey ? (
        <p className="muted" data-testid="deal-key-waiting">
          {key.loading ? "Opening the deal's key…" : (noKeyYet(deal, account) ?? "")}
        </p>
      ) : (
        <>
          {chat.messages.error && !serverDown ? <p className="field-error">{chat.messages.error.message}</p> : null}
          <ol className="chat-list" data-testid="chat-messages" aria-live="polite">
            {chat.list.map((item) => (
              <ChatMessage
                key={item.id}
                m={item.message}
                where={whereSeen(item, relays.length)}
                deal={deal}
                dealId={dealId}
                account={account}
                check={chat.checks.get(item.id)}
                evidence={chat.evidence.data?.evidence}
                dealKey={key.dealKey!}
              />
            ))}
          </ol>
          {chat.list.length === 0 && (chat.messages.data || serverDown) ? <p className="muted">No messages yet.</p> : null}
          <Composer busy={chat.send.isPending} error={chat.send.error?.message} onSend={(body, file) => chat.send.mutateAsync({ body, file })} />
          <EvidenceList dealId={dealId} items={chat.evidence.data?.evidence ?? []} deal={deal} dealKey={key.dealKey} />
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

/** The server is down: the room runs on the relays, and says so in plain words. */
function RelaysOnlyNote({ open, total }: { open: number; total: number }) {
  return (
    <p className="notice" role="status" data-testid="room-relays-only">
      The app&apos;s server cannot be reached. Messages are read and sent through the relays ({open} of {total} connected), still end-to-end encrypted
      and signed. Evidence files are kept on the server only and wait until it is back.
    </p>
  );
}

function ChatMessage({
  m,
  where,
  deal,
  dealId,
  account,
  check,
  evidence,
  dealKey,
}: {
  m: StoredMessage;
  where: string;
  deal: Deal;
  dealId: bigint;
  account?: Address;
  check?: Check;
  evidence?: EvidenceInfo[];
  dealKey: Uint8Array;
}) {
  const file = m.evidence !== zeroHash ? evidence?.find((e) => e.hash === m.evidence) : undefined;
  const text = openMessage(dealKey, dealId, m.body);
  return (
    <li className="chat-message" data-testid="chat-message" data-author={m.author}>
      <div className="row">
        <strong>{who(deal, m.author, account)}</strong>
        <span className="muted">{new Date(m.sentAt * 1000).toLocaleString()}</span>
        <span className="muted" data-testid="message-where" title="Where this message is stored">
          {where}
        </span>
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
      {!text.ok ? (
        <p className="field-error" data-testid="message-unreadable">
          {text.error}
        </p>
      ) : text.value ? (
        <p className="chat-body">{text.value}</p>
      ) : null}
      {m.evidence !== zeroHash ? (
        <p>
          Evidence:{" "}
          {file ? <SealedFile dealId={dealId} item={file} dealKey={dealKey} testId="message-evidence" /> : <span className="mono">{m.evidence}</span>}
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

function EvidenceList({ dealId, items, deal, dealKey }: { dealId: bigint; items: EvidenceInfo[]; deal: Deal; dealKey: Uint8Array }) {
  if (items.length === 0) return null;
  return (
    <div data-testid="evidence-list">
      <h3>Evidence</h3>
      <ul>
        {items.map((e) => (
          <li key={e.hash}>
            <SealedFile dealId={dealId} item={e} dealKey={dealKey} testId="evidence-link" />{" "}
            <span className="muted">
              ({Math.ceil(e.size / 1024)} KB, from {who(deal, e.uploader, undefined)})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A sealed file: its name opened here; its bytes fetched, opened and type-checked here on demand. */
function SealedFile({ dealId, item, dealKey, testId }: { dealId: bigint; item: EvidenceInfo; dealKey: Uint8Array; testId: string }) {
  const meta = openEvidenceMeta(dealKey, dealId, item.meta);
  const [state, setState] = useState<{ url?: string; error?: string; busy?: boolean }>({});
  useEffect(() => () => (state.url ? URL.revokeObjectURL(state.url) : undefined), [state.url]);
  if (!meta.ok) {
    return (
      <span className="field-error" data-testid={`${testId}-unreadable`}>
        {meta.error}
      </span>
    );
  }
  async function open() {
    setState({ busy: true });
    try {
      const bytes = openEvidence(dealKey, dealId, await roomApi.evidenceBytes(dealId, item.hash as Hex));
      if (!bytes.ok) return setState({ error: bytes.error });
      const type = sniffEvidence(bytes.value);
      if (!type || !meta.ok || type !== meta.value.type) return setState({ error: "This file is not the image or PDF its sender said it is." });
      setState({ url: URL.createObjectURL(new Blob([bytes.value as BlobPart], { type })) });
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (state.url) {
    return (
      <a href={state.url} download={meta.value.name} data-testid={testId} data-decrypted="true">
        {meta.value.name}
      </a>
    );
  }
  return (
    <>
      <button type="button" className="link" onClick={() => void open()} disabled={state.busy} data-testid={testId}>
        {meta.value.name}
      </button>
      {state.error ? <span className="field-error"> {state.error}</span> : null}
    </>
  );
}

/** Why a party has no deal key yet, in words. */
function noKeyYet(deal: Deal, account: Address | undefined): string | undefined {
  if (sameAddress(deal.arbiter, account))
    return "Waiting for the seller's or the buyer's browser to share the deal's key with you (they do it on their own once disputed).";
  if (sameAddress(deal.buyer, account))
    return "Waiting for the seller's browser to share the deal's key with you: it does so on its own as soon as the seller opens Peerlock.";
  return "This browser has no key for this deal: open it where you created it, or wait until another party shares it again.";
}
