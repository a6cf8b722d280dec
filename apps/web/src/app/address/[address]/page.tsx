import type { Metadata } from "next";
import { AddressView } from "@/features/market/AddressView";

export const metadata: Metadata = { title: "Address" };

export default async function AddressPage({ params }: PageProps<"/address/[address]">) {
  const { address } = await params;
  return <AddressView address={address} />;
}
