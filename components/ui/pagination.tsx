import Link from "next/link";

/** GOV.UK-style previous / next pagination that keeps the other query parameters. */
export function Pagination({ page, total, pageSize, href }: { page: number; total: number; pageSize: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-6">
      {page > 1 ? <Link href={href(page - 1)} rel="prev">Previous page</Link> : null}
      <span>
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)} rel="next">Next page</Link> : null}
    </nav>
  );
}
