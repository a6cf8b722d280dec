"use client";

import { type Deal, hashPrivateDetails, newDealKey } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Address } from "viem";
import { useSignTypedData } from "wagmi";
import { appChainId } from "@/config/chain";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { canReadPrivate, roomRole } from "./access";
import { PublicTermsView } from "./PublicTermsView";
import { isUnreachableError, roomApi } from "./roomApi";
import { rememberDealKey } from "./roomKeyStore";
import { roomKeys } from "./roomKeys";
import { pickSealedDetails, type RelayTerms, type RoomTermsView } from "./roomTerms";
import { openDetails, sealDetails } from "./sealedItems";
import { forgetSellerTerms } from "./sellerTerms";
import { LockNote, SignInButton, UnlockButton } from "./SignInButton";
import { useDealKey } from "./useDealKey";
import { publishToRoom } from "./useRelayRoom";
import { useTypedDataVerifier } from "./typedDataVerifier";
import { useRoomKey } from "./useRoomKey";
import { useRoomSession } from "./useRoomSession";

type Props = { dealId: bigint; deal: Deal; account: Address | undefined; view: RoomTermsView; published: boolean; relayTerms: RelayTerms[] };
type V2 = Extract<RoomTermsView, { kind: "v2" }>;
const RETRY_PUBLISH_MS = 5_000;

/** The deal's terms as viewRoomTerms checked them (the page's one check): public part for everyone, private details for their readers. */
export function RoomTermsPanel({ dealId, deal, account, view, published, relayTerms }: Props) {
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
            <PrivateDetails dealId={dealId} deal={deal} account={account} view={view} relayTerms={relayTerms} />
          )}
          {view.verified && isSeller && (view.privateDetails !== undefined || published) ? (
            <PublishTerms dealId={dealId} deal={deal} account={account} view={view} published={published} />
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
function PrivateDetails({
  dealId,
  deal,
  account,
  view,
  relayTerms,
}: {
  dealId: bigint;
  deal: Deal;
  account: Address | undefined;
  view: V2;
  relayTerms: RelayTerms[];
}) {
  const { roomOpen, serverDown } = useRoomSession();
  const allowed = canReadPrivate(deal, account);
  const key = useDealKey(dealId, deal, account);
  const sealed = useQuery({
    queryKey: roomKeys.privateDetails(dealId, account),
    queryFn: () => roomApi.sealedDetails(dealId),
    enabled: allowed && roomOpen && !!key.dealKey && view.privateDetails === undefined,
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
  if (!roomOpen) return <SignInButton reason="Sign in to the deal room to read the payment details." />;
  if (!key.roomKey) return <UnlockButton reason="Sign to make this browser's room key (no transaction) and read the payment details." />;
  if (key.needsAttestation)
    return (
      <UnlockButton reason="The app's server cannot be reached: sign once more (no transaction) so the relays carry your room key and the seller's browser can share the details with you." />
    );
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
  // The details must hash to the private hash that, with the public terms, made termsHash.
  const dealKey = key.dealKey;
  const opened = pickSealedDetails(
    sealed.data?.sealedDetails,
    relayTerms.map((t) => t.sealedDetails),
    (text) => openDetails(dealKey, dealId, text),
    view.privateDetailsHash,
  );
  if (opened?.ok) return <PrivateText text={opened.value} />;
  if (opened) return <Unreadable text={opened.error} />;
  if (sealed.error && !serverDown) return <p className="field-error">{sealed.error.message}</p>;
  return (
    <p className="muted" data-testid="private-loading">
      {serverDown ? "Waiting for the payment details from the relays (the app's server cannot be reached)…" : "Loading payment details…"}
    </p>
  );
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
  const { roomOpen, serverDown } = useRoomSession();
  const { key: roomKey } = useRoomKey();
  const dealKey = useDealKey(dealId, deal, account);
  const verify = useTypedDataVerifier();
  const { signTypedDataAsync } = useSignTypedData();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: async () => {
      let key = dealKey.dealKey;
      if (!key) {
        key = newDealKey();
        rememberDealKey(browserStore(), appChainId, dealId, key);
      }
      const details = view.privateDetails!;
      const terms = {
        publicTerms: view.publicText,
        privateDetailsHash: hashPrivateDetails(details),
        sealedDetails: sealDetails(key, dealId, details),
      };
      // The server is one copy among the relays: either taking the terms publishes them.
      const [onServer, onRelays] = await Promise.all([
        roomApi.publishTerms(dealId, terms).then(
          () => true,
          (error: unknown) => {
            if (isUnreachableError(error)) return false;
            throw error;
          },
        ),
        publishToRoom(dealId, { type: "terms", terms }).then((r) => r.some((x) => x.ok)),
      ]);
      if (!onServer && !onRelays)
        throw new Error("Neither the app's server nor any relay took the terms. They are kept in this browser: trying again shortly.");
      if (!account || !verify) return;
      const [{ shareDealKey }, { chatKey }] = await Promise.all([import("./dealKeys"), import("./roomSigner")]);
      const signer = { author: account, chatKey: () => chatKey(account, (data) => signTypedDataAsync(data)) };
      await shareDealKey(dealId, deal, key, dealKey.readers ?? [], verify, signer).catch(() => 0); // useDealKey shares again as readers appear
    },
    onSuccess: () => {
      forgetSellerTerms(browserStore(), appChainId, dealId);
      return queryClient.invalidateQueries({ queryKey: ["room"] });
    },
  });
  const { mutate, isIdle, isError, reset } = publish;
  // A failed publish (server and relays all unreachable) tries again on its own; the terms stay in this browser meanwhile.
  useEffect(() => {
    if (!isError) return;
    const timer = setTimeout(reset, RETRY_PUBLISH_MS);
    return () => clearTimeout(timer);
  }, [isError, reset]);
  const ready = roomOpen && !!roomKey && !!verify && !dealKey.loading && !dealKey.error;
  // Once signed in, publish on its own: the seller already chose to open this deal with these terms.
  useEffect(() => {
    if (ready && isIdle && !published && view.privateDetails !== undefined) mutate();
  }, [ready, isIdle, published, mutate, view.privateDetails]);
  return (
    <div className="notice" data-testid="publish-terms">
      {published || publish.isSuccess ? (
        <p>
          Terms published to the deal room: the market shows the public part; the details are encrypted for the buyer.
          {serverDown ? " (Through the relays: the app's server cannot be reached.)" : ""}
        </p>
      ) : !roomOpen ? (
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
