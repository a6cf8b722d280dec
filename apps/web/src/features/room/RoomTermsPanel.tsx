"use client";

import { type Deal, hashPrivateDetails, newDealKey, sameHash } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Address } from "viem";
import { appChainId } from "@/config/chain";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { canReadPrivate, roomRole } from "./access";
import { shareDealKey } from "./dealKeys";
import { PublicTermsView } from "./PublicTermsView";
import { roomApi } from "./roomApi";
import { rememberDealKey } from "./roomKeyStore";
import { roomKeys } from "./roomKeys";
import type { RoomTermsView } from "./roomTerms";
import { openDetails, sealDetails } from "./sealedItems";
import { forgetSellerTerms } from "./sellerTerms";
import { LockNote, SignInButton, UnlockButton } from "./SignInButton";
import { useDealKey } from "./useDealKey";
import { useRoomKey, useTypedDataVerifier } from "./useRoomKey";
import { useRoomSession } from "./useRoomSession";

type Props = { dealId: bigint; deal: Deal; account: Address | undefined; view: RoomTermsView; serverHasTerms: boolean };
type V2 = Extract<RoomTermsView, { kind: "v2" }>;

/** The deal's terms as viewRoomTerms checked them (the page's one check): public part for everyone, private details for their readers. */
export function RoomTermsPanel({ dealId, deal, account, view, serverHasTerms }: Props) {
  const isSeller = roomRole(deal, account) === "seller";
  return (
    <section className="card" aria-labelledby="room-terms-title" data-testid="terms">
      <div className="row">
        <h2 id="room-terms-title" style={{ margin: 0 }}>
          Terms
        </h2>
        <TermsBadge view={view} />
      </div>
      {view.kind === "v2" ? (
        <>
          {view.legacyPrivateLink && isSeller ? (
            <p className="field-error" data-testid="legacy-link-warning">
              This link contains your private payment details in plain text: anyone you give it to can read them. Do not share it; share the link on
              this page instead, which carries only their fingerprint. The buyer reads the details encrypted in the deal room.
            </p>
          ) : null}
          {view.publicTerms ? <PublicTermsView terms={view.publicTerms} /> : <pre className="terms-text">{view.publicText}</pre>}
          {!view.verified ? (
            <p className="field-error">These terms are not what the seller committed to on chain. Do not rely on them.</p>
          ) : (
            <PrivateDetails dealId={dealId} deal={deal} account={account} view={view} />
          )}
          {view.verified && isSeller && (view.privateDetails !== undefined || serverHasTerms) ? (
            <PublishTerms dealId={dealId} deal={deal} account={account} view={view} published={serverHasTerms} />
          ) : null}
        </>
      ) : view.kind === "v1" ? (
        <>
          <pre className="terms-text">{view.text}</pre>
          {!view.verified ? (
            <p className="field-error">
              This text is not what the seller committed to on chain. Do not rely on it; ask the seller for the original link.
            </p>
          ) : null}
        </>
      ) : view.kind === "invalid" ? (
        <p className="field-error">{view.reason} Ask the seller for the link again.</p>
      ) : (
        <p className="muted">
          The seller has not published this deal&apos;s terms here, and this link carries none. The chain only stores their fingerprint:{" "}
          <span className="mono">{deal.termsHash}</span>
        </p>
      )}
    </section>
  );
}

function TermsBadge({ view }: { view: RoomTermsView }) {
  if ((view.kind === "v2" || view.kind === "v1") && view.verified) {
    return (
      <span className="badge matches" data-testid="terms-check" data-result="matches">
        Terms match the deal
      </span>
    );
  }
  if (view.kind === "v2" || view.kind === "v1") {
    return (
      <span className="badge mismatch" data-testid="terms-check" data-result="mismatch">
        Terms do NOT match the deal
      </span>
    );
  }
  if (view.kind === "invalid") {
    return (
      <span className="badge mismatch" data-testid="terms-check" data-result="invalid">
        Unreadable terms in link
      </span>
    );
  }
  return (
    <span className="badge" data-testid="terms-check" data-result="none">
      No terms yet
    </span>
  );
}

/** The payment details: opened here with the deal key and checked against the private hash (the server holds only ciphertext). */
function PrivateDetails({ dealId, deal, account, view }: { dealId: bigint; deal: Deal; account: Address | undefined; view: V2 }) {
  const { signedIn } = useRoomSession();
  const allowed = canReadPrivate(deal, account);
  const key = useDealKey(dealId, deal, account);
  const sealed = useQuery({
    queryKey: roomKeys.privateDetails(dealId, account),
    queryFn: () => roomApi.sealedDetails(dealId),
    enabled: allowed && signedIn && !!key.dealKey && view.privateDetails === undefined,
    retry: false,
  });
  if (!allowed) {
    return (
      <p className="muted" data-testid="private-hidden">
        Payment details are end-to-end encrypted: shown to the buyer once the deal is taken, and to the arbiter in a dispute.
        {view.legacyPrivateLink ? " This link carries them, but they are not meant for you and are not shown." : ""}
      </p>
    );
  }
  if (view.privateDetails !== undefined) return <PrivateText text={view.privateDetails} />;
  if (!signedIn) return <SignInButton reason="Sign in to the deal room to read the payment details." />;
  if (!key.roomKey) return <UnlockButton reason="Sign to make this browser's room key (no transaction) and read the payment details." />;
  if (key.error) return <Unreadable text={key.error.message} />;
  if (!key.dealKey) {
    return (
      <p className="muted" data-testid="private-waiting">
        {key.loading
          ? "Opening the deal's key…"
          : "The payment details are not shared with your key yet: the seller's browser shares them on its own as soon as it sees you took the deal."}
      </p>
    );
  }
  if (sealed.error) return <p className="field-error">{sealed.error.message}</p>;
  if (!sealed.data) return <p className="muted">Loading payment details…</p>;
  const opened = openDetails(key.dealKey, dealId, sealed.data.sealedDetails);
  if (!opened.ok) return <Unreadable text={opened.error} />;
  // The details must hash to the private hash that, with the public terms, made termsHash.
  if (!sameHash(hashPrivateDetails(opened.value), view.privateDetailsHash)) {
    return (
      <Unreadable text="These payment details do not match what the seller committed to on chain: they cannot be verified. Do not pay to them." />
    );
  }
  return <PrivateText text={opened.value} />;
}

function PrivateText({ text }: { text: string }) {
  return (
    <div data-testid="private-details">
      <h3>
        Payment details <span className="badge matches">verified</span>
      </h3>
      <LockNote />
      <pre className="terms-text">{text}</pre>
    </div>
  );
}

function Unreadable({ text }: { text: string }) {
  return (
    <div data-testid="private-unreadable">
      <h3>
        Payment details <span className="badge mismatch">cannot be read</span>
      </h3>
      <p className="field-error">{text}</p>
    </div>
  );
}

/**
 * The seller's browser publishes the terms to the room: the details sealed with the deal key
 * (drawn here when no key exists yet), then the key wrapped for the seller and any buyer.
 */
function PublishTerms({
  dealId,
  deal,
  account,
  view,
  published,
}: {
  dealId: bigint;
  deal: Deal;
  account: Address | undefined;
  view: V2;
  published: boolean;
}) {
  const { signedIn } = useRoomSession();
  const { key: roomKey } = useRoomKey();
  const dealKey = useDealKey(dealId, deal, account);
  const verify = useTypedDataVerifier();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: async () => {
      let key = dealKey.dealKey;
      if (!key) {
        key = newDealKey();
        rememberDealKey(browserStore(), appChainId, dealId, key);
      }
      const details = view.privateDetails!;
      await roomApi.publishTerms(dealId, {
        publicTerms: view.publicText,
        privateDetailsHash: hashPrivateDetails(details),
        sealedDetails: sealDetails(key, dealId, details),
      });
      const { readers } = await roomApi.dealKeys(dealId);
      await shareDealKey(dealId, deal, key, readers, verify!);
    },
    onSuccess: () => {
      forgetSellerTerms(browserStore(), appChainId, dealId);
      return queryClient.invalidateQueries({ queryKey: ["room"] });
    },
  });
  const { mutate, isIdle } = publish;
  const ready = signedIn && !!roomKey && !!verify && !dealKey.loading && !dealKey.error;
  // Once signed in, publish on its own: the seller already chose to open this deal with these terms.
  useEffect(() => {
    if (ready && isIdle && !published && view.privateDetails !== undefined) mutate();
  }, [ready, isIdle, published, mutate, view.privateDetails]);
  return (
    <div className="notice" data-testid="publish-terms">
      {published || publish.isSuccess ? (
        <p>Terms published to the deal room: the market shows the public part; the details are encrypted for the buyer.</p>
      ) : !signedIn ? (
        <SignInButton reason="Your terms are kept in this browser but not yet in the deal room. Sign in to the deal room: the public part is published and the details encrypted for the buyer, who then reads them without any link from you." />
      ) : !roomKey ? (
        <UnlockButton reason="Sign to make this browser's room key (no transaction): the details are then encrypted for you and the buyer." />
      ) : publish.isError ? (
        <p className="field-error">{publish.error.message}</p>
      ) : (
        <p>Encrypting and publishing terms…</p>
      )}
    </div>
  );
}
