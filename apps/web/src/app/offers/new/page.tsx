import type { Metadata } from "next";
import { OfferForm } from "@/features/offers/OfferForm";

export const metadata: Metadata = { title: "New offer" };

export default function NewOfferPage() {
  return <OfferForm />;
}
