"use client";

import {
  type CreateOfferArgs,
  decodePeerlockError,
  encodeOrderLink,
  erc20Abi,
  nextUnusedNonce,
  orderTypedData,
  type SignedOrderWithSignature,
  type TokenInfo,
} from "@peerlock/sdk";
import { useCallback, useState } from "react";
import { maxUint256 } from "viem";
import { useConfig } from "wagmi";
import { getClient, getConnection, readContract, signTypedData } from "wagmi/actions";
import { appChain } from "@/config/chain";
import { appDeployment } from "@/config/deployment";
import { useTransaction } from "@/features/tx/useTransaction";
import { formatAmount } from "@/lib/amount";
import { usePostSignedOrder } from "./bookHooks";
import { browserStore, readNonceFloor, recordSignedNonce } from "./nonceFloor";
import { type PublishState, publishOrder } from "./publishOrder";
import { orderFromForm, signedOfferPath } from "./signedOffer";

/** Where the signed offer stands in the market's order book (the link works either way). */
export type BookState = { listing: "posting" } | { listing: "listed" } | { listing: "refused"; message: string };

export type SignState =
  | { phase: "idle" }
  | { phase: "signing" }
  | { phase: "signed"; link: string; book: BookState; relays: PublishState }
  | { phase: "cancelled" }
  | { phase: "failed"; message: string };

/**
 * Posting a signed offer: approve SignedSwap first only when its allowance is short (the one
 * transaction of the flow, raised by the offer's amount so earlier signed offers stay covered),
 * then sign the order in the wallet. Nothing else touches the chain; the result is a share link,
 * also posted to the market's order book.
 */
export function useSignOffer() {
  const config = useConfig();
  const approval = useTransaction();
  const post = usePostSignedOrder();
  const [state, setState] = useState<SignState>({ phase: "idle" });

  const run = useCallback(
    async (args: CreateOfferArgs, sell: TokenInfo) => {
      const [sellToken, sellAmount] = args;
      const maker = getConnection(config).address;
      if (!appDeployment || !maker) return;
      const venue = { chainId: appChain.id, verifyingContract: appDeployment.signedSwap.address };
      setState({ phase: "idle" });
      approval.reset();
      try {
        const allowance = await readContract(config, {
          chainId: appChain.id,
          address: sellToken,
          abi: erc20Abi,
          functionName: "allowance",
          args: [maker, venue.verifyingContract],
        });
        if (allowance < sellAmount) {
          const raised = maxUint256 - allowance < sellAmount ? maxUint256 : allowance + sellAmount;
          const step = `Approve SignedSwap for ${formatAmount(sellAmount, sell.decimals)} more ${sell.symbol}`;
          const done = await approval.run({ approval: { token: sellToken, spender: venue.verifyingContract, amount: raised, step }, calls: [] });
          if (!done) return; // the approval's status says why
          // an approval-only plan ends without a "confirmed" line: clear it, the signature is next
          approval.reset();
        }

        setState({ phase: "signing" });
        const client = getClient(config, { chainId: appChain.id });
        if (!client) throw new Error("The app's chain is not configured.");
        const store = browserStore();
        const nonce = await nextUnusedNonce(
          client,
          venue.verifyingContract,
          maker,
          readNonceFloor(store, venue.chainId, venue.verifyingContract, maker),
        );
        const order = orderFromForm(args, maker, nonce);
        const signature = await signTypedData(config, { account: maker, ...orderTypedData(order, venue) });
        recordSignedNonce(store, venue.chainId, venue.verifyingContract, maker, nonce);
        const signed: SignedOrderWithSignature = { ...venue, order, signature };
        const link = encodeOrderLink(signed);
        let book: BookState = { listing: "posting" };
        let relays: PublishState = { phase: "sending" };
        const show = () => setState({ phase: "signed", link, book, relays });
        show();
        // The book and the relays in parallel: the market lists it once either takes it, and a
        // refusal by both still leaves the link usable.
        post.mutateAsync(signed).then(
          () => ((book = { listing: "listed" }), show()),
          (error: unknown) => ((book = { listing: "refused", message: error instanceof Error ? error.message : String(error) }), show()),
        );
        void publishOrder(signed, { source: `${window.location.origin}${signedOfferPath(link)}` }).then((result) => ((relays = result), show()));
      } catch (error) {
        const decoded = decodePeerlockError(error);
        setState(decoded.kind === "rejected" ? { phase: "cancelled" } : { phase: "failed", message: decoded.message });
      }
    },
    [config, approval, post],
  );

  return { state, approval, run };
}
