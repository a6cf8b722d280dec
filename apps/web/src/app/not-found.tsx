import Link from "next/link";

export default function NotFound() {
  return (
    <div className="notice warn">
      <p>
        <strong>This page does not exist.</strong>
      </p>
      <p>
        <Link href="/">Back to the market</Link>
      </p>
    </div>
  );
}
