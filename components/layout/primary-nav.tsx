"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useRef, type KeyboardEvent } from "react";
import type { NavItem } from "./nav-items";

type Props = { items: NavItem[]; more?: NavItem[]; counts?: Readonly<Record<string, number>> };

/**
 * The main navigation: the everyday pages, then the rest under "More" (a native disclosure, so it
 * works by keyboard and without JavaScript). `counts`: a number shown beside a link, keyed by href.
 */
export function PrimaryNav({ items, more = [], counts = {} }: Props) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  // The most specific link wins, so "Referral figures" (/reports/dashboards) is not also "Reports".
  const current = [...items, ...more].filter((i) => isCurrent(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const closeOnEscape = (e: KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== "Escape" || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector("summary")?.focus();
  };
  const link = (item: NavItem) => (
    <li key={item.href}>
      <Link href={item.href} aria-current={item.href === current ? "page" : undefined} className="font-bold aria-[current=page]:text-ink aria-[current=page]:no-underline">
        {item.label}
        {counts[item.href] ? <span className="ml-1 rounded-full bg-ink px-2 text-sm text-white">{counts[item.href]}<span className="sr-only"> waiting</span></span> : null}
      </Link>
    </li>
  );
  return (
    // overflow-x-clip: the closed "More" panel must never widen the page at 390 px (it measured 1 px over).
    <nav aria-label="Main" className="overflow-x-clip border-b border-border bg-white text-ink print:hidden">
      <div className="relative mx-auto max-w-5xl px-4 py-3">
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {items.map(link)}
          {more.length > 0 ? (
            <li>
              {/* Keyed by the page, so it closes once a link in it has been followed. */}
              <details key={pathname} ref={details} onKeyDown={closeOnEscape}>
                <summary className="cursor-pointer font-bold text-link underline underline-offset-[0.15em] hover:text-link-hover focus-visible:bg-focus focus-visible:text-ink focus-visible:no-underline focus-visible:outline-none">
                  More{more.some((i) => i.href === current) ? <span className="sr-only"> (the current page is here)</span> : null}
                </summary>
                <ul className="absolute inset-x-0 top-full z-20 flex flex-wrap gap-x-6 gap-y-2 border-b-4 border-brand bg-white px-4 py-4 shadow-md">
                  {more.map(link)}
                </ul>
              </details>
            </li>
          ) : null}
        </ul>
      </div>
    </nav>
  );
}
