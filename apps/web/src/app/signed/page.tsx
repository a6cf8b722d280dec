import type { Metadata } from "next";
import { SignedOrderView } from "@/features/signedOffers/SignedOrderView";

export const metadata: Metadata = { title: "Signed offer" };

/** `/signed#<link>`: the whole order rides in the fragment, which never reaches the server. */
export default function SignedOfferPage() {
  return <SignedOrderView />;
}
