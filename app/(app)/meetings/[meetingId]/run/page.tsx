import type { Metadata } from "next";
import Link from "next/link";
import { ActionList } from "~/components/case/action-list";
import { formatValue } from "~/components/case/labels";
import { ProjectedText } from "~/components/case/projected-text";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ActionForm } from "../../../cases/[caseId]/action-form";
import { runCaseAction } from "../../actions";
import { CaseNotes, CaseTimer, RecordForm } from "./run-forms";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Run the meeting" };

const SAVED: Record<string, string> = {
  record: "Attendance and the confidentiality statement have been saved.",
  timer: "The timer has started.",
  complete: "The case has been marked complete.",
  reopen: "The case has been reopened.",
  action: "The action has been added.",
};
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const smallBtn = "bg-panel px-3 py-1 font-bold text-ink shadow-[0_2px_0_#858686] hover:bg-border";

/** A one-button form for the case under discussion (timer, complete, reopen). */
function CaseButton({ meetingId, caseId, position, nextPosition, op, children, primary = false }: { meetingId: string; caseId: string; position: number; nextPosition?: number; op: string; children: React.ReactNode; primary?: boolean }) {
  return (
    <form action={runCaseAction} className="inline">
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="position" value={position} />
      {nextPosition ? <input type="hidden" name="nextPosition" value={nextPosition} /> : null}
      <button type="submit" name="op" value={op} className={primary ? "bg-button px-4 py-2 font-bold text-white shadow-[0_2px_0_var(--color-button-shadow)]" : smallBtn}>
        {children}
      </button>
    </form>
  );
}

/**
 * The chair's screen. Without `case`: before the first case, the confidentiality statement (the
 * MARAC's own wording, from its settings) and attendance. With `case=N`: the Nth case on the agenda.
 */
export default async function RunMeetingPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ saved?: string; problem?: string; case?: string }> }) {
  const { meetingId } = await params;
  const { saved, problem, case: caseParam } = await searchParams;
  const position = caseParam ? Number.parseInt(caseParam, 10) : 0;
  const data = await readOrRefuse(async () => {
    const api = await getServerApi();
    const minutes = await api.meetings.runSheet({ meetingId });
    const current = position >= 1 ? minutes.cases[position - 1] : undefined;
    if (!current) return { minutes, current: null };
    const [research, actions, options] = await Promise.all([
      api.meetings.research({ meetingId, caseId: current.caseId }),
      api.actions.forCase({ caseId: current.caseId }),
      api.meetings.formOptions(),
    ]);
    return { minutes, current: { ...current, research, actions, agencies: options.agencies } };
  });
  const { minutes, current } = data;
  const total = minutes.cases.length;
  const banner = saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null;
  const alert = problem ? <p role="alert" className="mb-6 border-l-4 border-error bg-panel p-4 font-bold">{problem}</p> : null;
  const caseList = (
    <nav aria-label="Cases on the agenda" className="mb-8">
      <h2 className="text-lg">Cases on the agenda</h2>
      <ol className="list-decimal space-y-1 pl-6">
        {minutes.cases.map((c, i) => (
          <li key={c.caseId}>
            {i + 1 === position ? (
              <span aria-current="step" className="font-bold">{c.caseNumber}: {c.victimName} (under discussion)</span>
            ) : (
              <Link href={`/meetings/${meetingId}/run?case=${i + 1}`}>{c.caseNumber}: {c.victimName}</Link>
            )}{" "}
            {c.completedAt ? <StatusTag tone="green">Complete</StatusTag> : null}
          </li>
        ))}
      </ol>
    </nav>
  );

  if (!current) {
    const recorded = new Map(minutes.attendance.map((a) => [a.agencyName, a]));
    return (
      <>
        {banner}
        {alert}
        <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block">Back to the meeting</Link>
        <span className="mb-1 block text-lg text-secondary">{formatValue(minutes.meeting.date)} at {formatTime(minutes.meeting.time)}</span>
        <h1>Run the meeting: before the first case</h1>
        <h2>Confidentiality statement</h2>
        <p className="mb-2">Read this to everyone present before the first case.</p>
        <blockquote className="mb-4 border-l-8 border-border bg-panel p-4 text-lg whitespace-pre-wrap">{minutes.confidentialityStatement}</blockquote>
        <p className="mb-6">
          {minutes.confidentialityAgreed && minutes.statementConfirmedBy && minutes.statementConfirmedAt ? (
            <strong>Confirmed as read and agreed by {minutes.statementConfirmedBy}, {when.format(minutes.statementConfirmedAt)}.</strong>
          ) : (
            "Not yet confirmed as read and agreed."
          )}
        </p>
        <RecordForm
          meetingId={meetingId}
          version={minutes.recordVersion}
          confidentialityAgreed={minutes.confidentialityAgreed}
          attendance={minutes.invited.map((a) => ({ agencyId: a.id, agencyName: a.name, status: recorded.get(a.name)?.status ?? "", names: recorded.get(a.name)?.names ?? "" }))}
        />
        {total === 0 ? <p>There are no cases on the agenda.</p> : caseList}
      </>
    );
  }

  const prev = position > 1 ? position - 1 : null;
  const next = position < total ? position + 1 : null;
  return (
    <>
      {banner}
      {alert}
      <Link href={`/meetings/${meetingId}/run`} className="mb-6 inline-block">Confidentiality statement and attendance</Link>
      <span className="mb-1 block text-lg text-secondary">
        {formatValue(minutes.meeting.date)} at {formatTime(minutes.meeting.time)}: case {position} of {total}
      </span>
      <h1>
        {current.caseNumber}: {current.victimName} {current.completedAt ? <StatusTag tone="green">Complete</StatusTag> : null}
      </h1>
      {!minutes.confidentialityAgreed ? (
        <p className="mb-6 border-l-4 border-error pl-4 font-bold">
          The confidentiality statement has not been confirmed. <Link href={`/meetings/${meetingId}/run`}>Read and confirm it</Link>.
        </p>
      ) : null}
      <p className="mb-6">
        <Link href={`/cases/${current.caseId}`}>Open the full case</Link>
      </p>

      <section aria-labelledby="timer-heading" className="mb-8 bg-panel p-4">
        <h2 id="timer-heading" className="text-lg">Time on this case</h2>
        <div className="flex flex-wrap items-center gap-4">
          <CaseTimer startedAt={current.timerStartedAt?.toISOString() ?? null} stoppedAt={current.completedAt?.toISOString() ?? null} />
          <CaseButton meetingId={meetingId} caseId={current.caseId} position={position} op="timer">
            {current.timerStartedAt ? "Restart timer" : "Start timer"}
          </CaseButton>
        </div>
        <p className="mt-2 text-sm text-secondary">12 to 15 minutes is the norm. The timer keeps running if you reload the page.</p>
      </section>

      <h2>Research by agencies</h2>
      {current.research.length === 0 ? <p className="mb-4">No research recorded.</p> : null}
      {current.research.map((r) => (
        <div key={r.agencyId} className="mb-4 border-l-4 border-border pl-4">
          <p className="font-bold">
            {r.agencyName} {r.late ? <StatusTag tone="grey">Late</StatusTag> : null}
          </p>
          <ProjectedText value={r.shared} />
          {r.withheld && r.withheld.text.trim() ? <p className="text-sm text-secondary">Held but not shared: {r.withheld.text}</p> : null}
        </div>
      ))}

      <h2 className="mt-8">Notes</h2>
      <CaseNotes
        key={current.caseId}
        meetingId={meetingId}
        caseId={current.caseId}
        version={current.notesVersion}
        initial={{ discussion: current.discussion.text, risks: current.risks.text, safetyPlan: current.safetyPlan.text }}
      />

      <h2 id="actions">Actions</h2>
      <ActionList actions={current.actions} />
      <ActionForm
        caseId={current.caseId}
        meetings={[]}
        meeting={{ value: meetingId, label: formatValue(minutes.meeting.date) }}
        back={`/meetings/${meetingId}/run?case=${position}`}
        agencies={current.agencies.map((a) => ({ value: a.id, label: a.name }))}
      />

      <div className="my-10 flex flex-wrap items-center gap-4 border-t-2 border-ink pt-6">
        {current.completedAt ? (
          <CaseButton meetingId={meetingId} caseId={current.caseId} position={position} op="reopen">Reopen this case</CaseButton>
        ) : (
          <CaseButton meetingId={meetingId} caseId={current.caseId} position={position} nextPosition={next ?? undefined} op="complete" primary>
            {next ? "Case complete: go to the next case" : "Case complete"}
          </CaseButton>
        )}
      </div>
      <nav aria-label="Previous and next case" className="mb-10 flex flex-wrap justify-between gap-4">
        {prev ? <Link href={`/meetings/${meetingId}/run?case=${prev}`}>Previous case: {minutes.cases[prev - 1]?.caseNumber}</Link> : <span />}
        {next ? <Link href={`/meetings/${meetingId}/run?case=${next}`}>Next case: {minutes.cases[next - 1]?.caseNumber}</Link> : <Link href={`/meetings/${meetingId}/minutes`}>Minutes (full view)</Link>}
      </nav>
      {caseList}
    </>
  );
}
