import type { Metadata } from "next";
import { MyTradesChooser } from "@/features/market/MyTradesChooser";

export const metadata: Metadata = { title: "My trades" };

export default function MyTradesPage() {
  return <MyTradesChooser />;
}
