"use client";

import { useEffect, useState } from "react";

/** Opens the collapsible section an anchor link points into, so "contents" links always land on something visible. */
function openTarget(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  const details = target?.closest("details") ?? (target?.querySelector(":scope > details"));
  if (details && !details.open) {
    details.open = true;
    target?.scrollIntoView();
  }
}

/**
 * "Show all sections" / "Hide all sections" for a page of GOV.UK-style collapsible sections (details
 * elements marked data-section), and opening the section a link points to. Without JavaScript the
 * sections still open one by one.
 */
export function SectionControls({ initiallyOpen }: { initiallyOpen: boolean }) {
  const [allOpen, setAllOpen] = useState(initiallyOpen);
  useEffect(() => {
    openTarget();
    window.addEventListener("hashchange", openTarget);
    return () => window.removeEventListener("hashchange", openTarget);
  }, []);
  return (
    <button
      type="button"
      aria-expanded={allOpen}
      className="mb-4 font-bold text-link underline"
      onClick={() => {
        const next = !allOpen;
        document.querySelectorAll<HTMLDetailsElement>("details[data-section]").forEach((d) => (d.open = next));
        setAllOpen(next);
      }}
    >
      {allOpen ? "Hide all sections" : "Show all sections"}
    </button>
  );
}
