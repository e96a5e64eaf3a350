import Link from "next/link";
import type { ReactNode } from "react";
import { formatValue } from "~/components/case/labels";
import { StatusTag } from "~/components/ui/status-tag";
import { formatTime } from "~/server/domain/dates";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "~/server/api/root";

type Home = inferRouterOutputs<AppRouter>["home"];
const STATUS = { referred: "Waiting for triage", accepted: "Accepted", declined: "Declined", closed: "Closed" } as const;
const statusLabel = (s: string): string => STATUS[s as keyof typeof STATUS] ?? s;
const when = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** A big number with what it counts, linking to where the work is done. */
function Count({ n, label, href }: { n: number; label: string; href: string }) {
  return (
    <Link href={href} className="block border-l-4 border-brand bg-panel p-4 no-underline">
      <span className="block text-4xl font-bold">{n}</span>
      <span className="underline">{label}</span>
    </Link>
  );
}

export function OrganiserHome({ data }: { data: Home["organiser"] }) {
  const next = data.nextMeeting;
  return (
    <>
      <div className="mb-10 grid grid-cols-1 gap-4 sm:grid-cols-3">
        <Count n={data.triageCount} label={data.triageCount === 1 ? "referral waiting for triage" : "referrals waiting for triage"} href="/triage" />
        <Count n={data.reviewCount} label={data.reviewCount === 1 ? "text waiting for review" : "texts waiting for review"} href="/review" />
        <Count n={data.overdueActions.length} label={data.overdueActions.length === 1 ? "overdue action" : "overdue actions"} href="/actions" />
      </div>
      <Panel id="next-meeting" title="Next meeting">
        {next ? (
          <>
            <p className="mb-4">
              <Link href={`/meetings/${next.id}`} className="font-bold">{formatValue(next.date)} at {formatTime(next.time)}</Link>{" "}
              {next.published ? <StatusTag tone="green">Agenda published</StatusTag> : <StatusTag tone="grey">Draft agenda</StatusTag>}
            </p>
            <h3>Cases ({next.cases.length})</h3>
            {next.cases.length === 0 ? <p className="mb-4">No cases on the agenda yet.</p> : (
              <ol className="mb-6 list-decimal pl-6">
                {next.cases.map((c) => (
                  <li key={c.caseId}>
                    <Link href={`/cases/${c.caseId}`}>{c.caseNumber}</Link>: {c.victimName} {c.isRepeat ? <StatusTag tone="red">Repeat</StatusTag> : null}
                  </li>
                ))}
              </ol>
            )}
            <h3>Research returned</h3>
            {next.research.length === 0 ? <p>No agencies invited yet.</p> : (
              <div className="overflow-x-auto">
                <table className="mb-4 w-full border-collapse text-left">
                  <caption className="sr-only">Research returned by each invited agency for the next meeting</caption>
                  <thead>
                    <tr className="border-b border-border"><th scope="col" className="py-2 pr-3">Agency</th><th scope="col" className="py-2 pr-3">Cases researched</th></tr>
                  </thead>
                  <tbody>
                    {next.research.map((r) => (
                      <tr key={r.agencyName} className="border-b border-border">
                        <th scope="row" className="py-2 pr-3 font-normal">{r.agencyName}</th>
                        <td className="py-2 pr-3">{r.returned} of {r.of}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        ) : (
          <p>No meeting is planned. <Link href="/meetings/new">Create a meeting</Link></p>
        )}
      </Panel>
      <Panel id="overdue" title="Overdue actions">
        {data.overdueActions.length === 0 ? <p>No actions are overdue.</p> : (
          <ul className="list-disc pl-6">
            {data.overdueActions.slice(0, 10).map((a) => (
              <li key={a.id}><Link href={`/cases/${a.caseId}`}>{a.caseNumber}</Link>: {a.owningAgencyName}, due {formatValue(a.dueDate)}</li>
            ))}
          </ul>
        )}
        {data.overdueActions.length > 10 ? <p className="mt-2"><Link href="/actions">All {data.overdueActions.length} overdue actions</Link></p> : null}
      </Panel>
      <Panel id="due-review" title="Cases due for review">
        <p className="mb-2 text-secondary">Accepted cases referred more than 12 months ago: review or close them.</p>
        {data.dueForReview.length === 0 ? <p>None.</p> : (
          <ul className="list-disc pl-6">
            {data.dueForReview.map((c) => (
              <li key={c.caseId}><Link href={`/cases/${c.caseId}`}>{c.caseNumber}</Link>: {c.victimName}, referred {formatValue(c.referralDate)}</li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

export function AgencyHome({ data }: { data: Home["agency"] }) {
  const pack = data.nextPack;
  const overdue = data.actions.filter((a) => a.overdue);
  return (
    <>
      <Panel id="next-pack" title="Your next meeting pack">
        {pack ? (
          <>
            <p className="mb-4">
              MARAC meeting on {formatValue(pack.date)} at {formatTime(pack.time)}: {pack.caseCount} {pack.caseCount === 1 ? "case" : "cases"}.{" "}
              <Link href={`/meetings/${pack.meetingId}/pack`} className="font-bold">Open your agency&apos;s pack</Link>
            </p>
            <h3>Research due before the meeting</h3>
            {pack.researchDue.length === 0 ? <p>Your agency has added research for every case.</p> : (
              <ul className="list-disc pl-6">
                {pack.researchDue.map((c) => <li key={c.caseId}>{c.caseNumber}: {c.victimName}</li>)}
              </ul>
            )}
          </>
        ) : (
          <p>No published agenda for your agency yet. You will find the pack here once the coordinator publishes it.</p>
        )}
      </Panel>
      <Panel id="your-actions" title="Your agency's open actions">
        {data.actions.length === 0 ? <p>Your agency has no open actions.</p> : (
          <>
            {overdue.length > 0 ? <p className="mb-2 font-bold">{overdue.length} overdue</p> : null}
            <ul className="mb-2 space-y-2">
              {data.actions.map((a) => (
                <li key={a.id} className={a.overdue ? "border-l-4 border-error pl-3" : "border-l-4 border-border pl-3"}>
                  <span className="block">{a.description.text.trim() || "Nothing shared with your agency."}</span>
                  <span className="text-sm">{a.caseNumber}; due {formatValue(a.dueDate)}{a.overdue ? <>; <strong>Overdue</strong></> : null}</span>
                </li>
              ))}
            </ul>
            <Link href="/actions">Update your actions</Link>
          </>
        )}
      </Panel>
    </>
  );
}

export function IdvaHome({ data }: { data: Home["idva"] }) {
  return (
    <>
      <Panel id="your-cases" title="Your service's open cases">
        {data.cases.length === 0 ? <p>Your service has no open referrals.</p> : (
          <ul className="list-disc pl-6">
            {data.cases.map((c) => (
              <li key={c.caseId}><Link href={`/cases/${c.caseId}`}>{c.caseNumber}</Link>: {c.victimName}, referred {formatValue(c.referralDate)} ({statusLabel(c.status)})</li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="victim-tasks" title="Tell the victim">
        {data.victimTasks.length === 0 ? <p>Nothing to tell anyone at the moment.</p> : (
          <ul className="list-disc space-y-2 pl-6">
            {data.victimTasks.map((t) => (
              <li key={t.overrideId}>
                <Link href={`/tell-the-victim#task-${t.overrideId}`}>Case {t.caseNumber}: tell her what {t.agencyName} was given</Link>, by {formatValue(t.dueDate)}
                {t.overdue ? <StatusTag tone="red" className="ml-2">Overdue</StatusTag> : null}
              </li>
            ))}
          </ul>
        )}
      </Panel>
      <Panel id="recent-flags" title="Risk flags added in the last two weeks">
        {data.recentFlags.length === 0 ? <p>No new flags.</p> : (
          <ul className="list-disc pl-6">
            {data.recentFlags.map((f) => (
              <li key={f.id}><Link href={`/cases/${f.caseId}`}>{f.caseNumber}</Link>: {f.label} ({f.flaggedBy}, {when.format(f.flaggedAt)})</li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}

export function ReferralsHome({ rows }: { rows: { id: string; caseNumber: string; status: string; referralDate: string }[] }) {
  return (
    <Panel id="your-referrals" title="Your agency's referrals">
      {rows.length === 0 ? <p>Your agency has made no referrals yet. <Link href="/referrals">Make a referral</Link></p> : (
        <ul className="list-disc pl-6">
          {rows.map((r) => (
            <li key={r.id}><Link href={`/cases/${r.id}`}>{r.caseNumber}</Link>, referred {formatValue(r.referralDate)}: {statusLabel(r.status)}</li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

export function AdminHome({ links }: { links: readonly { href: string; label: string }[] }) {
  return (
    <Panel id="admin-links" title="What you can do">
      <ul className="list-disc space-y-2 pl-6">
        {links.map((l) => <li key={l.href}><Link href={l.href}>{l.label}</Link></li>)}
      </ul>
    </Panel>
  );
}
