"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect } from "react";

/**
 * After an agenda button redirects back to the page, puts the focus on the element the address's
 * fragment names (the button just pressed), so a keyboard user moving a case keeps their place.
 */
export function FocusFromHash() {
  const pathname = usePathname();
  const search = useSearchParams();
  useEffect(() => {
    const id = decodeURIComponent(window.location.hash.slice(1));
    if (id) document.getElementById(id)?.focus();
  }, [pathname, search]);
  return null;
}
