import type { Metadata } from "next";
import Link from "next/link";
import { ActionList } from "~/components/case/action-list";
import { formatValue } from "~/components/case/labels";
import { ProjectedText } from "~/components/case/projected-text";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { CaseNotesForm, RecordForm } from "./run-forms";

export const metadata: Metadata = { title: "Run the meeting" };

/** The chair's screen: attendance, the confidentiality statement, then each case in agenda order. */
export default async function RunMeetingPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { meetingId } = await params;
  const { saved } = await searchParams;
  const { minutes, research, actions } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const minutes = await api.meetings.runSheet({ meetingId });
    const research = await Promise.all(minutes.cases.map((c) => api.meetings.research({ meetingId, caseId: c.caseId })));
    const actions = await Promise.all(minutes.cases.map((c) => api.actions.forCase({ caseId: c.caseId })));
    return { minutes, research, actions };
  });
  const recorded = new Map(minutes.attendance.map((a) => [a.agencyName, a]));
  return (
    <>
      {saved ? <SuccessBanner>{saved === "record" ? "Attendance has been saved." : "The case notes have been saved."}</SuccessBanner> : null}
      <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block">Back to the meeting</Link>
      <span className="mb-1 block text-lg text-secondary">{formatValue(minutes.meeting.date)} at {minutes.meeting.time}</span>
      <h1>Run the meeting</h1>
      <RecordForm
        meetingId={meetingId}
        version={minutes.recordVersion}
        confidentialityAgreed={minutes.confidentialityAgreed}
        attendance={minutes.invited.map((a) => ({ agencyId: a.id, agencyName: a.name, status: recorded.get(a.name)?.status ?? "attended", names: recorded.get(a.name)?.names ?? "" }))}
      />
      {minutes.cases.map((c, i) => (
        <section key={c.caseId} id={`case-${c.caseId}`} aria-labelledby={`run-case-${i}`} className="mb-12 border-t-4 border-ink pt-4">
          <h2 id={`run-case-${i}`}>
            {i + 1}. {c.caseNumber}: {c.victimName}
          </h2>
          <p className="mb-4">
            <Link href={`/cases/${c.caseId}`}>Open the full case</Link> (actions are recorded there)
          </p>
          <h3>Research by agencies</h3>
          {(research[i] ?? []).length === 0 ? <p className="mb-4">No research recorded.</p> : null}
          {(research[i] ?? []).map((r) => (
            <div key={r.agencyId} className="mb-4 border-l-4 border-border pl-4">
              <p className="font-bold">{r.agencyName}</p>
              <ProjectedText value={r.shared} />
              {r.withheld && r.withheld.text.trim() ? <p className="text-sm text-secondary">Held but not shared: {r.withheld.text}</p> : null}
            </div>
          ))}
          <h3>Actions</h3>
          <ActionList actions={actions[i] ?? []} />
          <CaseNotesForm meetingId={meetingId} caseId={c.caseId} index={i} version={c.notesVersion} discussion={c.discussion.text} risks={c.risks.text} minutesTaken={c.minutesTaken} />
        </section>
      ))}
    </>
  );
}
