"use client";

import { useRoomSession } from "./useRoomSession";

/** Sign-in with Ethereum for the deal room: one wallet signature, no transaction. */
export function SignInButton({ reason }: { reason: string }) {
  const { address, signIn } = useRoomSession();
  if (!address) return <p className="muted">{reason} Connect a wallet first.</p>;
  return (
    <div>
      <p className="muted">{reason}</p>
      <button type="button" className="secondary" onClick={() => signIn.mutate()} disabled={signIn.isPending} data-testid="room-sign-in">
        {signIn.isPending ? "Check your wallet…" : "Sign in to the deal room"}
      </button>
      {signIn.error ? <p className="field-error">{signIn.error.message}</p> : null}
    </div>
  );
}
