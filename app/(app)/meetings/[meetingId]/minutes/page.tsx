import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { ProjectedText } from "~/components/case/projected-text";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ACTION_STATUS_LABELS } from "~/server/domain/meeting/actions";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Minutes" };

const ATTENDANCE = { attended: "Attended", apologies: "Apologies", absent: "Did not attend" } as const;

export default async function MinutesPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ as?: string }> }) {
  const { meetingId } = await params;
  const { as } = await searchParams;
  const { m, fullView } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [m, me] = await Promise.all([api.meetings.minutes({ meetingId, asAgencyId: typeof as === "string" && as ? as : undefined }), api.account.me()]);
    // Chairs and coordinators without an agency chosen read the whole record, not their agency's copy.
    return { m, fullView: (me.role === "chair" || me.role === "coordinator") && !as };
  });
  return (
    <>
      <p className="mb-2 font-bold">OFFICIAL-SENSITIVE</p>
      <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block print:hidden">Back to the meeting</Link>
      <span className="mb-1 block text-lg text-secondary">MARAC meeting, {formatValue(m.meeting.date)} at {formatTime(m.meeting.time)}</span>
      <h1>{fullView ? "Minutes (full view)" : `Minutes for ${m.recipient.agencyName}`}</h1>
      <p className="mb-6 print:hidden">
        <a href={`/meetings/${meetingId}/minutes.pdf${as ? `?as=${encodeURIComponent(as)}` : ""}`} download>Download these minutes as a PDF</a>
      </p>
      <dl className="mb-8">
        <div className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3"><dt className="font-bold">Chair</dt><dd className="sm:col-span-2">{m.meeting.chairName}</dd></div>
        <div className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3"><dt className="font-bold">Confidentiality statement</dt><dd className="sm:col-span-2">{m.confidentialityAgreed ? `Read and agreed by all present${m.statementConfirmedBy ? ` (confirmed by ${m.statementConfirmedBy})` : ""}` : "Not recorded as agreed"}</dd></div>
      </dl>
      <h2>Attendance</h2>
      <ul className="mb-8 list-disc pl-6">
        {m.attendance.map((a) => (
          <li key={a.agencyName}>{a.agencyName}: {ATTENDANCE[a.status]}{a.names ? ` (${a.names})` : ""}</li>
        ))}
      </ul>
      {m.cases.map((c, i) => (
        <section key={c.caseId} aria-labelledby={`minutes-case-${i}`} className="mb-10 border-t-2 border-ink pt-4">
          <h2 id={`minutes-case-${i}`}>{i + 1}. {c.caseNumber}: {c.victimName}</h2>
          <h3>Discussion</h3>
          <ProjectedText value={c.discussion} />
          <h3 className="mt-4">Summary of risks</h3>
          <ProjectedText value={c.risks} />
          <h3 className="mt-4">Safety plan agreed</h3>
          <ProjectedText value={c.safetyPlan} />
          <h3 className="mt-4">Actions</h3>
          {c.actions.length === 0 ? <p>{fullView ? "No actions were agreed." : "None that your agency may see."}</p> : (
            <ul className="list-disc pl-6">
              {c.actions.map((a, j) => (
                <li key={j}>{a.description.text} ({a.owningAgencyName}, {a.ownerName}; due {formatValue(a.dueDate)}; {ACTION_STATUS_LABELS[a.status]})</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p className="font-bold">OFFICIAL-SENSITIVE</p>
    </>
  );
}
