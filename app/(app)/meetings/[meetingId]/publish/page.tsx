import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { agendaAction } from "../../actions";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Publish the agenda" };

/** The confirmation step before publishing: what invited agencies will see, and who they are. */
export default async function PublishAgendaPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const { m, notCleared } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [m, notCleared] = await Promise.all([api.meetings.get({ meetingId }), api.review.agendaNotCleared({ meetingId })]);
    return { m, notCleared };
  });
  const back = <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block">Back to the meeting</Link>;
  if (m.publishedAt) {
    return (
      <>
        {back}
        <h1>This agenda is already published</h1>
        <p>Later changes are shown to invited agencies as changes.</p>
      </>
    );
  }
  return (
    <div className="max-w-2xl">
      {back}
      <span className="mb-1 block text-lg text-secondary">MARAC meeting, {formatValue(m.date)} at {formatTime(m.time)}</span>
      <h1>Are you sure you want to publish the agenda?</h1>
      <p className="mb-4">Each invited agency will then see the agenda and its own pack, and can add its research.</p>
      <dl className="mb-8">
        {[
          ["Cases on the agenda", String(m.lines.length)],
          ["Invited agencies", m.invited.map((a) => a.name).join(", ") || "None"],
          ["Research due by", formatValue(m.researchDeadline)],
        ].map(([k, val]) => (
          <div key={k} className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{val}</dd>
          </div>
        ))}
      </dl>
      {notCleared.length > 0 ? (
        <div className="mb-8 border-l-8 border-error pl-4">
          <h2 className="text-lg">Some text is not yet cleared for sharing</h2>
          <p className="mb-2">Invited agencies will not see the unreviewed text of these cases until a case holder reviews it:</p>
          <ul className="mb-2 list-disc pl-6">
            {notCleared.map((c) => (
              <li key={c.caseId}>{c.caseNumber}: {c.victimName}</li>
            ))}
          </ul>
          <Link href="/review">Review the text first</Link>
        </div>
      ) : null}
      {m.lines.length === 0 ? <p className="mb-6 font-bold">There are no cases on the agenda yet.</p> : null}
      <div className="flex flex-wrap items-center gap-6">
        <form action={agendaAction}>
          <input type="hidden" name="meetingId" value={meetingId} />
          <button type="submit" name="op" value="publish" className="bg-button px-4 py-2 font-bold text-white shadow-[0_2px_0_var(--color-button-shadow)]">
            {notCleared.length > 0 ? "Publish anyway" : "Yes, publish the agenda"}
          </button>
        </form>
        <Link href={`/meetings/${meetingId}`}>Cancel</Link>
      </div>
    </div>
  );
}
