"use client";

import { invalidationsBelow, signedSwapAbi, type SignedOrderWithSignature } from "@peerlock/sdk";
import { TxButton } from "@/features/tx/TxButton";
import { contractCall, type Tx } from "@/features/tx/useTransaction";
import { browserStore, readNonceFloor } from "./nonceFloor";
import { signedOrderKey } from "./hooks";
import { publishOrder } from "./publishOrder";

/** Tells the relays the order is cancelled, once the chain says so: best effort, never waited for. */
const announceCancel = (signed: SignedOrderWithSignature) => () => void publishOrder(signed, { status: "canceled" });

/**
 * The maker's two ways out: cancel this offer (its nonce), or every signed offer so far (every
 * nonce below the next one this browser would sign with, a word of 256 per transaction).
 */
export function MakerActions({ signed, digest, open, tx }: { signed: SignedOrderWithSignature; digest: string; open: boolean; tx: Tx }) {
  const { order, verifyingContract } = signed;
  const floor = readNonceFloor(browserStore(), signed.chainId, verifyingContract, order.maker);
  const end = floor > order.nonce ? floor : order.nonce + 1n;
  const invalidations = invalidationsBelow(end);
  return (
    <section className="card" data-testid="signed-maker-actions">
      <h2 style={{ marginTop: 0 }}>Your offer</h2>
      <p className="hint">
        Cancelling is a transaction: it marks the offer&apos;s nonce as used, so its signature can never fill again, wherever its link went.
      </p>
      <div className="row">
        {open ? (
          <TxButton
            label="Cancel this offer"
            variant="danger"
            tx={tx}
            testId="signed-cancel"
            confirm="Cancel this offer? Its signature can never fill again; to trade again, sign a new offer."
            plan={() => ({
              calls: [
                contractCall({ step: "Cancel offer", address: verifyingContract, abi: signedSwapAbi, functionName: "cancel", args: [[order.nonce]] }),
              ],
              invalidate: [signedOrderKey(digest)],
              onConfirmed: announceCancel(signed),
            })}
          />
        ) : (
          <p className="muted" data-testid="signed-closed">
            This offer can no longer be filled.
          </p>
        )}
        <TxButton
          label="Cancel all my signed offers"
          variant="secondary"
          tx={tx}
          testId="signed-cancel-all"
          confirm="Cancel every signed offer you have made so far on this contract? None of them can fill again."
          plan={() => ({
            calls: invalidations.map(({ wordPos, mask }, i) =>
              contractCall({
                step: invalidations.length > 1 ? `Cancel signed offers (${i + 1} of ${invalidations.length})` : "Cancel all signed offers",
                address: verifyingContract,
                abi: signedSwapAbi,
                functionName: "invalidateNonces",
                args: [wordPos, mask],
              }),
            ),
            invalidate: [signedOrderKey(digest)],
            onConfirmed: announceCancel(signed),
          })}
        />
      </div>
    </section>
  );
}
