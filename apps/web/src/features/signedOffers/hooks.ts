"use client";

import { checkOrder, hashOrder, signedSwapAbi, type SignedOrderWithSignature } from "@peerlock/sdk";
import { useQuery } from "@tanstack/react-query";
import { type Address, zeroAddress } from "viem";
import { readContract } from "viem/actions";
import { useClient } from "wagmi";
import { queryKeys } from "@/lib/queryKeys";
import { remainingOf } from "./signedOffer";

/** Query key of everything the order page reads about one signed order. */
export function signedOrderKey(digest: string) {
  return [...queryKeys.root, "signedOrder", digest] as const;
}

/**
 * What the chain says about a signed order, checked in the browser: is the signature the
 * maker's (ECDSA, or the maker's EIP-1271 wallet), how much is left, and every reason a fill
 * by `taker` (or by anyone, without one) would fail now (`SignedSwap.check`).
 */
export function useSignedOrder(signed: SignedOrderWithSignature | undefined, taker: Address | undefined, enabled: boolean) {
  const client = useClient();
  const digest = signed ? hashOrder(signed.order, signed) : undefined;
  return useQuery({
    queryKey: [...signedOrderKey(digest ?? "none"), (taker ?? zeroAddress).toLowerCase()],
    enabled: enabled && !!client && !!signed,
    refetchInterval: 6_000,
    queryFn: async () => {
      const { order, verifyingContract } = signed!;
      const [filled, nonceUsed, signatureValid] = await Promise.all([
        readContract(client!, { address: verifyingContract, abi: signedSwapAbi, functionName: "filledAmount", args: [digest!] }),
        readContract(client!, { address: verifyingContract, abi: signedSwapAbi, functionName: "isNonceUsed", args: [order.maker, order.nonce] }),
        import("./verifySignature").then(({ verifyOrderSignature }) => verifyOrderSignature(client!, signed!)),
      ]);
      const remaining = remainingOf(order, filled, nonceUsed);
      const problems = await checkOrder(client!, signed!, { taker, sellAmount: remaining > 0n ? remaining : order.sellAmount });
      return { filled, nonceUsed, remaining, signatureValid, problems };
    },
  });
}
