"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "./nav-items";

/** `counts`: a number shown beside a link (the texts waiting for review), keyed by its href. */
export function PrimaryNav({ items, counts = {} }: { items: NavItem[]; counts?: Readonly<Record<string, number>> }) {
  const pathname = usePathname();
  const isCurrent = (href: string) => (href === "/" ? pathname === "/" : pathname.startsWith(href));
  return (
    <nav aria-label="Main" className="border-b border-border bg-white text-ink print:hidden">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-2 px-4 py-3">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? "page" : undefined}
              className="font-bold aria-[current=page]:text-ink aria-[current=page]:no-underline"
            >
              {item.label}
              {counts[item.href] ? <span className="ml-1 rounded-full bg-ink px-2 text-sm text-white">{counts[item.href]}<span className="sr-only"> waiting</span></span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
