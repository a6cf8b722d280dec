import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <div className="notice warn">
        <p>
          <strong>This page does not exist.</strong>
        </p>
        <p>
          <Link href="/">Back to the market</Link>
        </p>
      </div>
    </>
  );
}
