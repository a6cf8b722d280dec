"use client";

import { type FormEvent, useId, useState, useSyncExternalStore } from "react";
import { HydratedFieldset } from "@/components/HydratedFieldset";
import { ADDED_RELAYS_KEY, deploymentRelays, loadAddedRelays, saveAddedRelays } from "./relayConfig";
import { addRelay, relayStateWords, removeRelay } from "./relayList";
import { useRelayStates } from "./useRelays";

const storage = () => (typeof window === "undefined" ? undefined : window.localStorage);

// The added relays as an external store: read from localStorage after hydration (the server
// renders none), re-read when this page or another tab changes them.
const changeListeners = new Set<() => void>();
let cached: { raw: string | null; list: string[] } = { raw: null, list: [] };
const NONE: string[] = [];
function addedSnapshot(): string[] {
  const raw = storage()?.getItem(ADDED_RELAYS_KEY) ?? null;
  if (raw !== cached.raw) cached = { raw, list: loadAddedRelays(storage()) };
  return cached.list;
}
function subscribeAdded(listener: () => void): () => void {
  changeListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    changeListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

/** Tells the open relay pool (loaded on demand) that the list changed. */
const reconnect = () => void import("./relayPool").then((p) => p.relaysChanged());

/**
 * The relays this browser reads signed offers from and publishes to: the app's own (fixed) and
 * the ones the user added (kept in this browser), each with its live state.
 */
export function RelaySettings() {
  const id = useId();
  const states = useRelayStates();
  const added = useSyncExternalStore(subscribeAdded, addedSnapshot, () => NONE);
  const [input, setInput] = useState("");
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const save = (next: string[], message: string) => {
    const store = storage();
    if (store) saveAddedRelays(store, next);
    changeListeners.forEach((l) => l());
    setDone(message);
    reconnect();
  };

  const onAdd = (e: FormEvent) => {
    e.preventDefault();
    const change = addRelay(added, deploymentRelays, input, window.location.protocol === "https:");
    if (!change.ok) {
      setError(change.error);
      setDone(undefined);
      return;
    }
    setError(undefined);
    setInput("");
    save(change.added, `Added ${change.added.at(-1)}.`);
  };

  const stateOf = (url: string) => relayStateWords(states.find((s) => s.url === url));

  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="relay-settings">
      <h2 id={`${id}-heading`} style={{ marginTop: 0 }}>
        Relays
      </h2>
      <p className="hint">
        Signed offers also travel over Nostr relays, so the market works when the app&apos;s server is down. A relay can hold back offers but cannot
        make this app show a forged one: every offer is checked in your browser first.
      </p>

      <h3>This app&apos;s relays</h3>
      {deploymentRelays.length === 0 ? (
        <p className="muted">None: this deployment lists no relays.</p>
      ) : (
        <ul className="relay-list" data-testid="relays-fixed">
          {deploymentRelays.map((url) => (
            <li key={url}>
              <span className="relay-url">{url}</span> <span className="small muted">{stateOf(url)}</span>
            </li>
          ))}
        </ul>
      )}

      <h3>Relays you added</h3>
      {added.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="relay-list" data-testid="relays-added">
          {added.map((url) => (
            <li key={url}>
              <span className="relay-url">{url}</span> <span className="small muted">{stateOf(url)}</span>{" "}
              <button
                type="button"
                className="secondary small"
                onClick={() => save(removeRelay(added, url), `Removed ${url}.`)}
                aria-label={`Remove relay ${url}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}

      <form onSubmit={onAdd} noValidate>
        <HydratedFieldset>
          <div className="field">
            <label htmlFor={`${id}-input`}>Add a relay</label>
            <input
              id={`${id}-input`}
              type="text"
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder="wss://relay.example"
              value={input}
              onChange={(e) => setInput(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
            {error ? (
              <p className="field-error" id={`${id}-error`} role="alert">
                {error}
              </p>
            ) : null}
          </div>
          <button type="submit">Add relay</button>
        </HydratedFieldset>
      </form>
      <p role="status" aria-live="polite" className="small">
        {done}
      </p>
    </section>
  );
}
