import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { Pagination } from "~/components/ui/pagination";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatCursor, parseCursor, type CaseListCursor } from "~/server/cases/case-list-cursor";
import { CASE_STATUSES, type CaseStatus } from "~/server/cases/import-schema";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Cases" };

const STATUS_LABEL: Record<CaseStatus, string> = { referred: "Referred", accepted: "Accepted", declined: "Declined", closed: "Closed" };
const STATUS_TONE = { referred: "blue", accepted: "green", declined: "grey", closed: "grey" } as const;

export default async function CasesPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string; after?: string; before?: string }> }) {
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 200) : "";
  const status = CASE_STATUSES.find((s) => s === sp.status);
  const after = parseCursor(sp.after);
  const before = after ? undefined : parseCursor(sp.before);
  const list = await readOrRefuse(async () => (await getServerApi()).cases.list({ q: q || undefined, status, after, before }));
  const href = (direction: "after" | "before", c: CaseListCursor) =>
    `/cases?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), [direction]: formatCursor(c) }).toString()}`;

  return (
    <>
      <h1>Cases</h1>
      <form method="get" action="/cases" className="mb-8 flex flex-wrap items-end gap-4 bg-panel p-4" role="search">
        <div>
          <label htmlFor="q" className="mb-1 block font-bold">Search</label>
          <p id="q-hint" className="mb-1 text-sm text-secondary">Case number, victim or perpetrator name, or date of birth (like 14/03/1990)</p>
          <input id="q" name="q" type="search" defaultValue={q} aria-describedby="q-hint" className="w-80 max-w-full border-2 border-input bg-white p-1.5" />
        </div>
        <div>
          <label htmlFor="status" className="mb-1 block font-bold">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""} className="min-h-10 border-2 border-input bg-white p-1.5">
            <option value="">Any status</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>{STATUS_LABEL[s]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-button px-4 py-2 font-bold text-white shadow-[0_2px_0_var(--color-button-shadow)] hover:bg-button-hover">
          Search
        </button>
      </form>
      <p className="mb-4" role="status">
        {list.total === 0 ? "No cases match." : `${list.total} ${list.total === 1 ? "case" : "cases"}`}
      </p>
      {list.rows.length > 0 ? (
                <TableScroll label="Cases you can see"><table className="w-full border-collapse text-left">
          <caption className="sr-only">Cases you can see</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3">Case</th>
              <th scope="col" className="py-2 pr-3">Victim</th>
              <th scope="col" className="py-2 pr-3">Perpetrator</th>
              <th scope="col" className="py-2 pr-3">Referred</th>
              <th scope="col" className="py-2 pr-3">Dash</th>
              <th scope="col" className="py-2 pr-3">Status</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-2 pr-3">
                  <Link href={`/cases/${r.id}`} className="font-bold">{r.caseNumber}</Link>
                  {r.linked.map((l) => (
                    <span key={l.caseId} className="mt-1 block text-sm">
                      {l.confirmed ? "Same victim as " : "Possible repeat: "}
                      <Link href={`/cases/${l.caseId}`}>{l.caseNumber}</Link> ({l.victimName}, referred {formatValue(l.referralDate)})
                    </span>
                  ))}
                </td>
                <td className="py-2 pr-3">
                  {r.victimName}
                  {r.victimDateOfBirth ? <span className="block text-sm text-secondary">Born {formatValue(r.victimDateOfBirth)}</span> : null}
                </td>
                <td className="py-2 pr-3">{r.perpetratorNames}</td>
                <td className="py-2 pr-3">
                  {formatValue(r.referralDate)}
                  <span className="block text-sm text-secondary">{r.referringAgencyName}</span>
                </td>
                <td className="py-2 pr-3">{r.dashScore}</td>
                <td className="py-2 pr-3">
                  <StatusTag tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status]}</StatusTag>
                </td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      ) : null}
      <Pagination
        noun="Cases"
        range={{ first: list.start, last: list.start + list.rows.length - 1, total: list.total }}
        previous={list.previous ? href("before", list.previous) : null}
        next={list.next ? href("after", list.next) : null}
      />
    </>
  );
}
