"use client";

import Link from "next/link";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { type FocusEvent, useEffect, useRef } from "react";
import { ConnectButton } from "@/features/wallet/ConnectButton";

// The deal room's count (and its sign-in code) loads after the page: no page needs it to paint.
const AttentionBadge = dynamic(() => import("@/features/room/AttentionBadge").then((m) => m.AttentionBadge), { ssr: false });

const links = [
  { href: "/", label: "Market" },
  { href: "/me", label: "My trades" },
  { href: "/offers/new", label: "New offer" },
  { href: "/deals/new", label: "New deal" },
  { href: "/arbiter", label: "Arbiter" },
] as const;

/**
 * On phones the nav is one row that scrolls sideways (see .nav in globals.css). Scrolls that row,
 * never the page, so `link` is wholly in view: browsers leave a half-visible focused link where it is.
 */
function revealInRow(row: HTMLElement, link: HTMLElement) {
  if (row.scrollWidth <= row.clientWidth) return;
  const left = link.getBoundingClientRect().left - row.getBoundingClientRect().left + row.scrollLeft;
  const right = left + link.offsetWidth;
  const margin = 16;
  if (left < row.scrollLeft) row.scrollLeft = left - margin;
  else if (right > row.scrollLeft + row.clientWidth) row.scrollLeft = right - row.clientWidth + margin;
}

export function SiteHeader() {
  const pathname = usePathname();
  const nav = useRef<HTMLElement>(null);

  // The current page's link stays in view, so "Arbiter" is not off the edge while you are on it.
  useEffect(() => {
    const current = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (nav.current && current) revealInRow(nav.current, current);
  }, [pathname]);

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (e.target instanceof HTMLElement && e.target !== e.currentTarget) revealInRow(e.currentTarget, e.target);
  };

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          Peerlock
        </Link>
        <nav className="nav" aria-label="Main" ref={nav} onFocus={onFocus}>
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
