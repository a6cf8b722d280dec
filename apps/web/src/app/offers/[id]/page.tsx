import type { Metadata } from "next";
import { OfferView } from "@/features/offers/OfferView";

export async function generateMetadata({ params }: PageProps<"/offers/[id]">): Promise<Metadata> {
  const { id } = await params;
  return { title: `Offer ${id.slice(0, 20)}` };
}

export default async function OfferPage({ params }: PageProps<"/offers/[id]">) {
  const { id } = await params;
  return <OfferView rawId={id} />;
}
