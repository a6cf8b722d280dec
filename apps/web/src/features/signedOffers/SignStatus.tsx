"use client";

import Link from "next/link";
import { CopyButton } from "@/components/CopyButton";
import { Notice } from "@/components/Notice";
import { TxStatus } from "@/features/tx/TxStatus";
import { useOrigin } from "@/hooks/useOrigin";
import { listedSomewhere, relaysWords } from "./publishOrder";
import { signedOfferPath } from "./signedOffer";
import type { useSignOffer } from "./useSignOffer";

/** The approval's status, then the signature's, then the offer's share link. */
export function SignStatus({ flow }: { flow: ReturnType<typeof useSignOffer> }) {
  const origin = useOrigin();
  const { state } = flow;
  return (
    <div>
      <TxStatus state={flow.approval.state} />
      <div role="status" aria-live="polite" data-testid="sign-status">
        {state.phase === "signing" ? <p>Sign the offer in your wallet (no transaction, no gas)…</p> : null}
        {state.phase === "cancelled" ? <p>You cancelled the signature in your wallet. Nothing was posted.</p> : null}
      </div>
      {state.phase === "failed" ? (
        <Notice kind="error" title="The offer was not signed">
          {state.message}
        </Notice>
      ) : null}
      {state.phase === "signed" ? (
        <Notice kind="ok" title="Signed offer ready">
          <p>
            Share this link: it holds the whole offer and your signature. Anyone it reaches can fill it while you hold the tokens and it has not
            expired; cancel it from its page.
          </p>
          <p style={{ wordBreak: "break-all" }}>
            <Link href={signedOfferPath(state.link)} data-testid="signed-offer-link">
              {`${origin}${signedOfferPath(state.link)}`}
            </Link>
          </p>
          <CopyButton text={`${origin}${signedOfferPath(state.link)}`} />
          <ul className="plain" aria-label="Where the offer was posted">
            <li data-testid="signed-offer-book">
              {state.book.listing === "posting" ? "Order book: posting…" : null}
              {state.book.listing === "listed" ? "Order book: posted." : null}
              {state.book.listing === "refused" ? `Order book: not posted (${state.book.message})` : null}
            </li>
            <li data-testid="signed-offer-relays">{relaysWords(state.relays)}</li>
          </ul>
          <p data-testid="signed-offer-listed">
            {listedSomewhere(state.book.listing === "listed", state.relays)
              ? "Listed in the market."
              : state.book.listing === "posting" || state.relays.phase === "sending"
                ? "Listing it in the market…"
                : "Not listed in the market; the link still works."}
          </p>
        </Notice>
      ) : null}
    </div>
  );
}
