import type { Metadata } from "next";
import Link from "next/link";
import { ActionList } from "~/components/case/action-list";
import { formatValue } from "~/components/case/labels";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { Suspense } from "react";
import { agendaAction } from "../actions";
import { FocusFromHash } from "./focus-from-hash";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Meeting" };

const CRITERIA = { visibleHighRisk: "Visible high risk", potentialEscalation: "Potential escalation", professionalJudgement: "Professional judgement", repeat: "Repeat" } as const;
const SAVED: Record<string, string> = {
  created: "The meeting has been created. Add accepted referrals to its agenda.",
  updated: "Your changes have been saved.",
  added: "The cases have been added to the agenda.",
  remove: "The case has been removed from the agenda.",
  up: "The case has been moved up.",
  down: "The case has been moved down.",
  publish: "The agenda has been published to the invited agencies.",
};
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
const btn = "px-2 py-1 text-sm font-bold bg-panel text-ink shadow-[0_2px_0_#858686] hover:bg-border";

/** A button whose accessible name starts with its visible text (WCAG 2.5.3), then says which case. */
function AgendaButton({ meetingId, caseId, op, context, children, id }: { meetingId: string; caseId?: string; op: string; context?: string; children: React.ReactNode; id?: string }) {
  return (
    <form action={agendaAction} className="inline">
      <input type="hidden" name="meetingId" value={meetingId} />
      {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
      <button type="submit" name="op" value={op} className={btn} id={id}>
        {children}
        {context ? <span className="sr-only"> {context}</span> : null}
      </button>
    </form>
  );
}

export default async function MeetingPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ saved?: string; problem?: string; count?: string }> }) {
  const { meetingId } = await params;
  const { saved, problem, count } = await searchParams;
  const { m, toReview, notCleared } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [m, me] = await Promise.all([api.meetings.get({ meetingId }), api.account.me()]);
    const organiser = me.role === "chair" || me.role === "coordinator";
    return {
      m,
      toReview: organiser ? await api.actions.toReview({ meetingId }) : null,
      notCleared: organiser ? await api.review.agendaNotCleared({ meetingId }) : [],
    };
  });
  const organiser = toReview !== null;
  const savedText = saved === "added" && count === "1" ? "The case has been added to the agenda." : saved ? SAVED[saved] : undefined;
  return (
    <>
      <Suspense fallback={null}>
        <FocusFromHash />
      </Suspense>
      {/* A stale success banner never shows beside a problem. */}
      {savedText && !problem ? <SuccessBanner>{savedText}</SuccessBanner> : null}
      {problem ? <p role="alert" className="mb-6 border-l-4 border-error bg-panel p-4 font-bold">{problem}</p> : null}
      <Link href="/meetings" className="mb-6 inline-block">Back to meetings</Link>
      <span className="mb-1 block text-lg text-secondary">MARAC meeting</span>
      <h1>
        {formatValue(m.date)} at {formatTime(m.time)}
      </h1>
      <dl className="mb-8">
        {[
          ["Where", m.online ? `Online: ${m.venue}` : m.venue],
          ["Chair", m.chairName],
          ["Invited agencies", m.invited.map((a) => a.name).join(", ") || "None yet"],
          ["Research due by", `${formatValue(m.researchDeadline)}${m.researchDeadlineSet ? "" : " (two working days before the meeting)"}`],
          ["Agenda", m.publishedAt ? `Published ${when.format(m.publishedAt)}` : "Not published: only chairs and coordinators can see it"],
        ].map(([k, val]) => (
          <div key={k} className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{val}</dd>
          </div>
        ))}
      </dl>
      {organiser ? (
        <p className="mb-8 flex flex-wrap items-center gap-6">
          <Link href={`/meetings/${meetingId}/edit`}>Change meeting details or invitations</Link>
          {!m.publishedAt ? <Link href={`/meetings/${meetingId}/publish`}>Publish agenda</Link> : null}
        </p>
      ) : null}
      {organiser && notCleared.length > 0 ? (
        <section aria-labelledby="not-cleared" className="mb-8">
          <h2 id="not-cleared">Cases with text not yet cleared for sharing</h2>
          <ul className="mb-2 list-disc pl-6">
            {notCleared.map((c) => (
              <li key={c.caseId}>
                {c.caseNumber}: {c.victimName}
              </li>
            ))}
          </ul>
          <Link href="/review">Review the text</Link>
        </section>
      ) : null}

      <ul className="mb-8 flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href={`/meetings/${meetingId}/pack`}>{organiser ? "Preview an agency's pack" : "Your agency's pack"}</Link>
        </li>
        <li>
          <Link href={`/meetings/${meetingId}/minutes`}>{organiser ? "Minutes (full view)" : "Your agency's minutes"}</Link>
        </li>
        <li>
          <Link href={`/meetings/${meetingId}/agenda`}>Agenda (print view)</Link>
        </li>
        <li>
          <a href={`/meetings/${meetingId}/agenda.pdf`} download>Download the agenda as a PDF</a>
        </li>
        {organiser ? (
          <li>
            <Link href={`/meetings/${meetingId}/run`}>Run the meeting</Link>
          </li>
        ) : null}
        {organiser ? (
          <li>
            <a href={`/meetings/${meetingId}/packs.zip`} download>Download every invited agency&apos;s pack (zip of PDFs)</a>
          </li>
        ) : null}
      </ul>

      <h2 id="agenda">Agenda</h2>
      {organiser || m.lines.some((l) => l.hasChildren !== null) ? (
        <p className="mb-4 text-secondary">Cases with children in the household come first, so children&apos;s agencies can leave after them.</p>
      ) : null}
      {m.lines.length === 0 ? <p className="mb-8">No cases on the agenda yet.</p> : null}
      <ol className="mb-8 space-y-4">
        {m.lines.map((l, i) => (
          <li key={l.caseId} className="border-l-4 border-brand p-4">
            <p className="font-bold">
              {i + 1}. <Link href={`/cases/${l.caseId}`}>{l.caseNumber}</Link>: {l.victimName}
              {l.victimDateOfBirth ? `, born ${formatValue(l.victimDateOfBirth)}` : ""} {l.isRepeat ? <StatusTag tone="red">Repeat</StatusTag> : null}
            </p>
            <p>Perpetrator: {l.perpetrators || "Not recorded"}</p>
            <p>
              Dash {l.dashScore}; {l.criteria.map((c) => CRITERIA[c]).join(", ") || "no criterion recorded"}; referred by {l.referringAgencyName}
              {l.hasChildren === null ? "" : `; children in household: ${l.hasChildren ? "yes" : "no"}`}
            </p>
            {l.flags.length > 0 ? <p>Flags: {l.flags.join("; ")}</p> : null}
            {organiser ? (
              <div className="mt-2 flex flex-wrap gap-3">
                <AgendaButton meetingId={meetingId} caseId={l.caseId} op="up" context={l.caseNumber} id={`move-up-${l.caseId}`}>Move up</AgendaButton>
                <AgendaButton meetingId={meetingId} caseId={l.caseId} op="down" context={l.caseNumber} id={`move-down-${l.caseId}`}>Move down</AgendaButton>
                <AgendaButton meetingId={meetingId} caseId={l.caseId} op="remove" context={`${l.caseNumber} from the agenda`}>Remove</AgendaButton>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {organiser ? (
        <p className="mb-10">
          <Link href={`/meetings/${meetingId}/add-cases`} className="inline-block bg-button px-4 py-2 font-bold text-white no-underline shadow-[0_2px_0_var(--color-button-shadow)]">
            Add cases to the agenda
          </Link>
        </p>
      ) : null}

      {toReview ? (
        <section aria-labelledby="actions-to-review" className="mb-8">
          <h2 id="actions-to-review">Actions to review</h2>
          <p className="mb-4 text-secondary">Each action is listed once. Overdue actions are marked.</p>
          <h3>Still open from the last meeting</h3>
          <ActionList actions={toReview.fromLastMeeting} showCase />
          <h3>Other overdue actions</h3>
          <ActionList actions={toReview.otherOverdue} showCase />
        </section>
      ) : null}

      {m.reviewDue.length > 0 ? (
        <>
          <h2>Cases due for review</h2>
          <p className="mb-2 text-secondary">Accepted cases whose 12 months since referral have passed: review or close them.</p>
          <ul className="mb-8 list-disc pl-6">
            {m.reviewDue.map((c) => (
              <li key={c.caseId}>
                <Link href={`/cases/${c.caseId}`}>{c.caseNumber}</Link>: {c.victimName}, referred {formatValue(c.referralDate)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {m.publishedAt ? (
        <>
          <h2>Changes since the agenda was published</h2>
          {m.changes.length === 0 ? (
            <p>None.</p>
          ) : (
            <ul className="list-disc pl-6">
              {m.changes.map((c, i) => (
                <li key={i}>
                  {when.format(c.at)}: {c.description}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
