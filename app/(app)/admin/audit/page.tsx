import Link from "next/link";
import type { Metadata } from "next";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Audit log" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/London" });

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const raw = Number((await searchParams).page ?? "1");
  const page = Number.isInteger(raw) && raw >= 1 ? raw : 1;
  const log = await readOrRefuse(async () => (await getServerApi()).admin.audit.list({ page }));
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  return (
    <>
      <h1>Audit log</h1>
      <p className="mb-6">Sign-ins, sign-outs, lock-outs and every change an admin makes, newest first. Entries cannot be changed or deleted.</p>
      <TableScroll label={`Audit entries, page ${page} of ${pages}`}><table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Audit entries, page {page} of {pages}</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">When</th>
            <th scope="col" className="py-2 pr-3">Who</th>
            <th scope="col" className="py-2 pr-3">What</th>
            <th scope="col" className="py-2 pr-3">Details</th>
          </tr>
        </thead>
        <tbody>
          {log.rows.map((r) => (
            <tr key={r.id} className="border-b border-border align-top">
              <td className="py-2 pr-3 whitespace-nowrap">{when.format(r.at)}</td>
              <td className="py-2 pr-3 break-all">{r.actorName ?? r.actorEmail ?? "System"}</td>
              <td className="py-2 pr-3">{r.action}{r.targetType ? ` (${r.targetType})` : ""}</td>
              <td className="py-2 pr-3 font-mono break-all">{r.details ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table></TableScroll>
      <nav aria-label="Pages" className="mt-6 flex gap-6">
        {page > 1 ? <Link href={`/admin/audit?page=${page - 1}`}>Newer entries</Link> : null}
        <span>Page {page} of {pages}</span>
        {page < pages ? <Link href={`/admin/audit?page=${page + 1}`}>Older entries</Link> : null}
      </nav>
    </>
  );
}
