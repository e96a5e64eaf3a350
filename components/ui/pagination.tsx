import Link from "next/link";

/**
 * GOV.UK-style previous / next pagination for lists paged by keyset: where this page sits in the
 * whole list, and links that keep the other query parameters (the caller builds them).
 */
export function Pagination({ noun, range, previous, next }: { noun: string; range: { first: number; last: number; total: number }; previous: string | null; next: string | null }) {
  if (!previous && !next) return null;
  const n = (v: number) => v.toLocaleString("en-GB");
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-6">
      {previous ? <Link href={previous} rel="prev">Previous page</Link> : null}
      <span>
        {noun} {n(range.first)} to {n(range.last)} of {n(range.total)}
      </span>
      {next ? <Link href={next} rel="next">Next page</Link> : null}
    </nav>
  );
}
