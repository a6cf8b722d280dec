"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { ConnectButton } from "@/features/wallet/ConnectButton";

// The deal room's count (and its sign-in code) loads after the page: no page needs it to paint.
const AttentionBadge = dynamic(() => import("@/features/attention/AttentionBadge").then((m) => m.AttentionBadge), { ssr: false });

const links = [
  { href: "/", label: "Market" },
  { href: "/me", label: "My trades" },
  { href: "/offers/new", label: "New offer" },
  { href: "/deals/new", label: "New deal" },
  { href: "/arbiter", label: "Arbiter" },
  { href: "/settings", label: "Settings" },
] as const;

export function SiteHeader() {
  const pathname = usePathname();
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Peerlock
        </Link>
        <nav className="nav" aria-label="Main">
          {links.map((l) => (
            <Link key={l.href} href={l.href} aria-current={pathname === l.href ? "page" : undefined}>
              {l.label}
            </Link>
          ))}
        </nav>
        <AttentionBadge />
        <ConnectButton />
      </div>
    </header>
  );
}
