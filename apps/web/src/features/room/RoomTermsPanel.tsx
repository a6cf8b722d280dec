"use client";

import { type Deal, hashPrivateDetails, sameHash } from "@peerlock/sdk";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Address } from "viem";
import { appChainId } from "@/config/chain";
import { TermsPanel } from "@/features/deals/TermsPanel";
import { browserStore } from "@/features/signedOffers/nonceFloor";
import { canReadPrivate, roomRole } from "./access";
import type { RoomTermsView } from "./roomTerms";
import { roomApi } from "./roomApi";
import { roomKeys } from "./roomKeys";
import { PublicTermsView } from "./PublicTermsView";
import { SignInButton } from "./SignInButton";
import { forgetSellerTerms } from "./sellerTerms";
import { useRoomSession } from "./useRoomSession";

type Props = { dealId: bigint; deal: Deal; account: Address | undefined; view: RoomTermsView; serverHasTerms: boolean };

/** The deal's terms: public part for everyone, private details for those SPEC allows, each checked against termsHash here. */
export function RoomTermsPanel({ dealId, deal, account, view, serverHasTerms }: Props) {
  if (view.kind === "v1") return <TermsPanel termsHash={deal.termsHash} />;
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
          {view.publicTerms ? <PublicTermsView terms={view.publicTerms} /> : <pre className="terms-text">{view.publicText}</pre>}
          {!view.verified ? (
            <p className="field-error">These terms are not what the seller committed to on chain. Do not rely on them.</p>
          ) : (
            <PrivateDetails dealId={dealId} deal={deal} account={account} view={view} />
          )}
          {view.verified && view.source === "link" && view.privateDetails !== undefined && roomRole(deal, account) === "seller" ? (
            <PublishTerms dealId={dealId} publicTerms={view.publicText} privateDetails={view.privateDetails} published={serverHasTerms} />
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
  if (view.kind === "v2" && view.verified) {
    return (
      <span className="badge matches" data-testid="terms-check" data-result="matches">
        Terms match the deal
      </span>
    );
  }
  if (view.kind === "v2") {
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

function PrivateDetails({
  dealId,
  deal,
  account,
  view,
}: {
  dealId: bigint;
  deal: Deal;
  account: Address | undefined;
  view: Extract<RoomTermsView, { kind: "v2" }>;
}) {
  const { signedIn } = useRoomSession();
  const allowed = canReadPrivate(deal, account);
  const fromServer = useQuery({
    queryKey: roomKeys.privateDetails(dealId, account),
    queryFn: () => roomApi.privateDetails(dealId),
    enabled: allowed && signedIn && view.privateDetails === undefined,
    retry: false,
  });
  const terms = useQuery({ queryKey: roomKeys.terms(dealId), queryFn: () => roomApi.terms(dealId), enabled: false });
  if (view.privateDetails !== undefined) return <PrivateText text={view.privateDetails} verified />;
  if (!allowed) return <p className="muted">Payment details are shown to the buyer once the deal is taken, and to the arbiter in a dispute.</p>;
  if (!signedIn) return <SignInButton reason="Sign in to the deal room to read the payment details." />;
  if (fromServer.error) return <p className="field-error">{fromServer.error.message}</p>;
  if (!fromServer.data) return <p className="muted">Loading payment details…</p>;
  const expected = terms.data?.privateDetailsHash;
  // The details must hash to the private hash that, with the public terms, made termsHash.
  const verified = !!expected && sameHash(hashPrivateDetails(fromServer.data.privateDetails), expected);
  return <PrivateText text={fromServer.data.privateDetails} verified={verified} />;
}

function PrivateText({ text, verified }: { text: string; verified: boolean }) {
  return (
    <div data-testid="private-details">
      <h3>Payment details {verified ? <span className="badge matches">verified</span> : <span className="badge mismatch">not verified</span>}</h3>
      <pre className="terms-text">{text}</pre>
    </div>
  );
}

/** The seller's link carries both parts; publishing them lets the market and the buyer read them without the link. */
function PublishTerms({
  dealId,
  publicTerms,
  privateDetails,
  published,
}: {
  dealId: bigint;
  publicTerms: string;
  privateDetails: string;
  published: boolean;
}) {
  const { signedIn } = useRoomSession();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => roomApi.publishTerms(dealId, publicTerms, privateDetails),
    onSuccess: () => {
      forgetSellerTerms(browserStore(), appChainId, dealId);
      return queryClient.invalidateQueries({ queryKey: ["room"] });
    },
  });
  const { mutate, isIdle } = publish;
  // Once signed in, publish on its own: the seller already chose to open this deal with these terms.
  useEffect(() => {
    if (signedIn && isIdle && !published) mutate();
  }, [signedIn, isIdle, published, mutate]);
  return (
    <div className="notice" data-testid="publish-terms">
      {published || publish.isSuccess ? (
        <p>Terms published to the deal room: the market shows them and the buyer reads the details there.</p>
      ) : !signedIn ? (
        <SignInButton reason="Your terms are kept in this browser but not yet in the deal room. Sign in to the deal room: they are published at once, so the market shows them and the buyer reads the details without your link." />
      ) : publish.isError ? (
        <p className="field-error">{publish.error.message}</p>
      ) : (
        <p>Publishing terms…</p>
      )}
    </div>
  );
}
