import type { Metadata } from "next";
import Link from "next/link";
import { CaseView } from "~/components/case/case-view";
import { formatValue } from "~/components/case/labels";
import { ProjectedText } from "~/components/case/projected-text";
import { ActionList } from "~/components/case/action-list";
import { StatusTag } from "~/components/ui/status-tag";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { ResearchForm } from "./research-form";
import { formatTime } from "~/server/domain/dates";

/** Today's date in the UK, to say whether the research deadline has passed. */
const ukToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

export const metadata: Metadata = { title: "Meeting pack" };

export default async function PackPage({ params, searchParams }: { params: Promise<{ meetingId: string }>; searchParams: Promise<{ as?: string; saved?: string }> }) {
  const { meetingId } = await params;
  const { as, saved } = await searchParams;
  const { pack, organiser, research, deadline } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [pack, me] = await Promise.all([api.meetings.pack({ meetingId, asAgencyId: typeof as === "string" && as !== "" ? as : undefined }), api.account.me()]);
    // The agency's own research for its form, and which research came late, for every case at once;
    // the research shown is the pack's own (in a preview, exactly what the agency gets).
    const research = await api.meetings.research({ meetingId });
    return { pack, organiser: me.role === "chair" || me.role === "coordinator", research, deadline: pack.meeting.researchDeadline };
  });
  const pastDeadline = ukToday() > deadline;
  const pdfHref = `/meetings/${meetingId}/pack.pdf${pack.preview ? `?as=${pack.recipient.agencyId}` : ""}`;
  return (
    <>
      {saved ? <SuccessBanner>Your research has been saved.</SuccessBanner> : null}
      <p className="mb-2 font-bold">OFFICIAL-SENSITIVE</p>
      <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block">Back to the meeting</Link>
      <span className="mb-1 block text-lg text-secondary">
        MARAC meeting, {formatValue(pack.meeting.date)} at {formatTime(pack.meeting.time)}
      </span>
      <h1>{pack.preview ? `Preview of the pack for ${pack.recipient.agencyName}` : `Pack for ${pack.recipient.agencyName}`}</h1>
      {pack.preview ? (
        <p className="mb-6 border-l-4 border-warning bg-panel p-4">
          You are previewing what {pack.recipient.agencyName} sees. This is recorded as your consultation, not as sharing with {pack.recipient.agencyName}.
        </p>
      ) : (
        <p className="mb-6">Each case shows what your agency may see under the MARAC information-sharing protocol. Withheld items say who to ask.</p>
      )}
      {organiser ? (
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4">
        {/* min-w-0 and max-w-full: a long agency name must not widen the page at 390 px. */}
        <div className="min-w-0 max-w-full">
          <label htmlFor="as" className="mb-1 block font-bold">View the pack of</label>
          <select id="as" name="as" defaultValue={pack.recipient.agencyId} className="min-h-10 max-w-full border-2 border-input bg-white p-1.5">
            {pack.invited.map((a) => (
              <option key={a.id} value={a.id}>{a.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="bg-panel px-4 py-2 font-bold text-ink shadow-[0_2px_0_#858686]">Show pack</button>
      </form>
      ) : null}
      <p className="mb-6 border-l-4 border-brand bg-panel p-4 text-lg">
        <strong>Research is due by the end of {formatValue(deadline)}.</strong>{" "}
        {pastDeadline ? "The deadline has passed: research sent now is marked late." : "Research sent after that day is marked late."}
      </p>
      <p className="mb-8 flex flex-wrap gap-6">
        <a href={pdfHref} download>Download this pack as a PDF</a>
      </p>
      {pack.cases.length === 0 ? <p>There are no cases on this agenda.</p> : (
        <nav aria-labelledby="pack-contents" className="mb-10 border-l-4 border-border pl-4">
          <h2 id="pack-contents" className="text-lg">Contents</h2>
          <ol className="list-decimal space-y-1 pl-6">
            {pack.cases.map((c, i) => (
              <li key={c.line.caseId}>
                <a href={`#case-${i}`}>{c.caseNumber}: {c.line.victimName}</a>
                {c.line.isRepeat ? <> <StatusTag tone="blue">Repeat</StatusTag></> : null}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {pack.cases.map((c, i) => {
        const ofCase = research.filter((r) => r.caseId === c.line.caseId);
        const own = ofCase.find((r) => r.own);
        // Research in the pack's own projection: in a preview, exactly what the agency gets.
        const others = c.research.filter((r) => pack.preview || r.agencyId !== pack.recipient.agencyId);
        return (
        <article key={c.line.caseId} aria-labelledby={`case-${i}`} className="mb-12 border-t-4 border-ink pt-4">
          <h2 id={`case-${i}`}>
            {i + 1}. {c.caseNumber}: {c.line.victimName}
          </h2>
          <dl className="mb-8">
            {[
              ["Dash score", `${c.dashScore} of 24 “yes”`],
              ["Referred by", c.line.referringAgencyName],
              ["Repeat referral", c.line.isRepeat ? "Yes" : "No"],
              ...(c.line.hasChildren === null ? [] : [["Children in household", c.line.hasChildren ? "Yes" : "No"]]),
              ["Risk flags", c.line.flags.join("; ") || "None"],
            ].map(([k, val]) => (
              <div key={k} className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3">
                <dt className="font-bold">{k}</dt>
                <dd className="sm:col-span-2">{val}</dd>
              </div>
            ))}
          </dl>
          <section aria-labelledby={`research-${i}`} className="mb-8">
            <h3 id={`research-${i}`}>Research by agencies</h3>
            {others.length === 0 ? <p>No other agency has added research yet.</p> : null}
            {others.map((r) => (
              <div key={r.agencyId} className="mb-4 border-l-4 border-border pl-4">
                <p className="font-bold">
                  {r.agencyName} {ofCase.find((x) => x.agencyId === r.agencyId)?.late ? <StatusTag tone="grey">Late</StatusTag> : null}
                </p>
                <ProjectedText value={r.shared} />
              </div>
            ))}
            {!pack.preview ? (
              <ResearchForm meetingId={meetingId} caseId={c.line.caseId} index={i} version={own?.version ?? null} late={own?.late ?? false} shared={own?.shared.text ?? ""} withheld={own?.withheld?.text ?? ""} />
            ) : null}
          </section>
          <section aria-labelledby={`actions-${i}`} className="mb-8">
            <h3 id={`actions-${i}`}>Actions: open, and from earlier meetings</h3>
            <ActionList actions={c.actions} mayBeWithheld />
          </section>
          <details open className="mb-4">
            <summary className="cursor-pointer text-lg font-bold text-link">Case record</summary>
            <div className="mt-4">
              <CaseView idPrefix={`c${i}-`} data={{ caseId: c.line.caseId, caseNumber: c.caseNumber, status: "accepted", dashScore: c.dashScore, version: 0, updatedAt: new Date(0), view: c.view, decisions: c.decisions, policyVersion: 0 }} />
            </div>
          </details>
          <p className="print:hidden"><a href="#pack-contents">Back to contents</a></p>
        </article>
        );
      })}
      <p className="font-bold">OFFICIAL-SENSITIVE</p>
    </>
  );
}
