"use client";

import { useRoomKey } from "./useRoomKey";
import { useRoomSession } from "./useRoomSession";

/**
 * Sign-in with Ethereum for the deal room (one signature, no transaction), then, when this browser
 * has no room key for the wallet yet, the room key's signatures (see useRoomKey).
 */
export function SignInButton({ reason }: { reason: string }) {
  const { address, signIn } = useRoomSession();
  const { key, unlock } = useRoomKey();
  if (!address) return <p className="muted">{reason} Connect a wallet first.</p>;
  const busy = signIn.isPending || unlock.isPending;
  return (
    <div>
      <p className="muted">{reason}</p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          void signIn.mutateAsync().then(
            () => (key ? undefined : unlock.mutateAsync()),
            () => {},
          )
        }
        disabled={busy}
        data-testid="room-sign-in"
      >
        {busy ? "Check your wallet…" : "Sign in to the deal room"}
      </button>
      {signIn.error ? <p className="field-error">{signIn.error.message}</p> : null}
      {unlock.error ? <p className="field-error">{unlock.error.message}</p> : null}
    </div>
  );
}

/** For a signed-in wallet without a room key in this browser: makes (or derives again) the key. */
export function UnlockButton({ reason }: { reason: string }) {
  const { unlock } = useRoomKey();
  return (
    <div>
      <p className="muted">{reason}</p>
      <button type="button" className="secondary" onClick={() => unlock.mutate()} disabled={unlock.isPending} data-testid="room-unlock">
        {unlock.isPending ? "Check your wallet…" : "Unlock private deal data"}
      </button>
      {unlock.error ? <p className="field-error">{unlock.error.message}</p> : null}
    </div>
  );
}

/** The promise SPEC v3 makes where private things are typed or shown. */
export function LockNote() {
  return (
    <p className="hint" data-testid="e2ee-note">
      <span aria-hidden="true">🔒</span> End-to-end encrypted: only you, the buyer and (in a dispute) the arbiter can read this.
    </p>
  );
}
