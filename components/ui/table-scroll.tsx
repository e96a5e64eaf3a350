import type { ReactNode } from "react";

/**
 * A wide table scrolls sideways inside this box on a narrow screen, so the page itself never does.
 * It can take focus, so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
