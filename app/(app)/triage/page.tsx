import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatDate, formatTime } from "~/server/domain/dates";
import { TableScroll } from "~/components/ui/table-scroll";

export const metadata: Metadata = { title: "Triage" };

const CRITERIA = [
  ["visibleHighRisk", "Visible high risk"],
  ["potentialEscalation", "Potential escalation"],
  ["professionalJudgement", "Professional judgement"],
  ["repeat", "Repeat"],
] as const;

export default async function TriagePage({ searchParams }: { searchParams: Promise<{ accepted?: string; to?: string; declined?: string; stale?: string }> }) {
  const { queue, meetings } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [queue, meetings] = await Promise.all([api.triage.queue(), api.triage.upcomingMeetings()]);
    return { queue, meetings };
  });
  const { accepted, to, declined, stale } = await searchParams;
  const meeting = to ? meetings.find((m) => m.id === to) : undefined;
  return (
    <>
      {accepted ? (
        <SuccessBanner>
          {accepted} has been accepted to MARAC
          {meeting ? ` and added to the agenda for ${formatDate(meeting.date)} at ${formatTime(meeting.time)}` : ". It is not on an agenda yet"}.
        </SuccessBanner>
      ) : null}
      {declined ? <SuccessBanner>{declined} has been declined. The referring agency can see your reason.</SuccessBanner> : null}
      {stale ? <p role="alert" className="mb-6 border-l-4 border-warning bg-panel p-4 font-bold">That referral had already been decided by someone else.</p> : null}
      <h1>Triage</h1>
      <p className="mb-6 max-w-3xl">New referrals waiting for a decision, the longest waiting first. Open a case to check it in full, confirm or reject possible earlier referrals, and see the referrer&apos;s reasons.</p>
      {queue.length === 0 ? (
        <p>There are no referrals waiting.</p>
      ) : (
                <TableScroll label="Referrals waiting for triage"><table className="w-full border-collapse text-left">
          <caption className="sr-only">Referrals waiting for triage</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3">Case</th>
              <th scope="col" className="py-2 pr-3">Referred by</th>
              <th scope="col" className="py-2 pr-3">Dash</th>
              <th scope="col" className="py-2 pr-3">Criteria met</th>
              <th scope="col" className="py-2 pr-3">Children</th>
              <th scope="col" className="py-2 pr-3">Waiting</th>
              <th scope="col" className="py-2 pr-3"><span className="sr-only">Decision</span></th>
            </tr>
          </thead>
          <tbody>
            {queue.map((r) => (
              <tr key={r.id} className="border-b border-border align-top">
                <td className="py-2 pr-3">
                  <Link href={`/cases/${r.id}`} className="font-bold whitespace-nowrap">{r.caseNumber}</Link>
                  <span className="block">{r.victimName}</span>
                  {r.isRepeat ? <StatusTag tone="red">Repeat</StatusTag> : null}
                  {r.flags.length > 0 ? <span className="block text-sm">Flags: {r.flags.join("; ")}</span> : null}
                  {r.pendingMatches > 0 ? <span className="block text-sm font-bold">{r.pendingMatches} possible earlier {r.pendingMatches === 1 ? "referral" : "referrals"} to check</span> : null}
                </td>
                <td className="py-2 pr-3">
                  {r.referringAgencyName}
                  <span className="block text-sm text-secondary">{formatValue(r.referralDate)}</span>
                </td>
                <td className="py-2 pr-3">{r.dashScore}</td>
                <td className="py-2 pr-3">
                  <ul className="text-sm">
                    {CRITERIA.filter(([k]) => r.criteria[k]).map(([k, label]) => (
                      <li key={k}>{label}</li>
                    ))}
                  </ul>
                </td>
                <td className="py-2 pr-3">{r.hasChildren ? "Yes" : "No"}</td>
                <td className="py-2 pr-3 whitespace-nowrap">{r.daysWaiting === 0 ? "Referred today" : `${r.daysWaiting} ${r.daysWaiting === 1 ? "day" : "days"}`}</td>
                <td className="py-2 pr-3">
                  <Link href={`/triage/${r.id}/accept`} aria-label={`Accept ${r.caseNumber}`} className="mb-2 block font-bold">Accept</Link>
                  <Link href={`/triage/${r.id}/decline`} aria-label={`Decline ${r.caseNumber}`}>Decline</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </>
  );
}
