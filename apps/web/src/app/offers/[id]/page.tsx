import type { Metadata } from "next";
import { OfferView } from "@/features/offers/OfferView";
import { tradePageTitle } from "@/features/trades/tradeWords";
import { parseId } from "@/lib/ids";

export async function generateMetadata({ params }: PageProps<"/offers/[id]">): Promise<Metadata> {
  const id = parseId((await params).id);
  return { title: tradePageTitle("offer", id) };
}

export default async function OfferPage({ params }: PageProps<"/offers/[id]">) {
  const { id } = await params;
  return <OfferView rawId={id} />;
}
