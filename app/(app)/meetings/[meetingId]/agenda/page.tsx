import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { agendaLineRows, meetingPlace } from "~/server/exports/agenda-document";
import { PrintButton } from "~/components/ui/print-button";
import { formatTime } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Agenda (print view)" };

/** The agenda on its own for printing: the same lines, in the same view, as the meeting page. */
export default async function AgendaPrintPage({ params }: { params: Promise<{ meetingId: string }> }) {
  const { meetingId } = await params;
  const m = await readOrRefuse(async () => (await getServerApi()).meetings.get({ meetingId }));
  return (
    <>
      <p className="mb-2 font-bold">OFFICIAL-SENSITIVE</p>
      <Link href={`/meetings/${meetingId}`} className="mb-6 inline-block print:hidden">Back to the meeting</Link>
      <span className="mb-1 block text-lg text-secondary">MARAC meeting, {formatValue(m.date)} at {formatTime(m.time)}</span>
      <h1>Agenda (print view)</h1>
      <p className="mb-6 flex flex-wrap items-center gap-6 print:hidden">
        <PrintButton label="Print this agenda" />
        <a href={`/meetings/${meetingId}/agenda.pdf`} download>Download the agenda as a PDF</a>
      </p>
      <dl className="mb-8">
        {[["Where", meetingPlace(m)], ["Chair", m.chairName], ["Cases", String(m.lines.length)]].map(([k, v]) => (
          <div key={k} className="grid grid-cols-1 border-b border-border py-2 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{v}</dd>
          </div>
        ))}
      </dl>
      {m.lines.length === 0 ? <p className="mb-8">No cases on the agenda yet.</p> : null}
      <ol className="mb-8">
        {m.lines.map((l, i) => (
          <li key={l.caseId} className="mb-6 break-inside-avoid border-t-2 border-ink pt-3">
            <h2 className="text-xl">{i + 1}. {l.caseNumber}</h2>
            <dl>
              {agendaLineRows(l).map((r) => (
                <div key={r.label} className="grid grid-cols-1 border-b border-border py-1 sm:grid-cols-3">
                  <dt className="font-bold">{r.label}</dt>
                  <dd className="sm:col-span-2">{r.value}</dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ol>
      <p className="font-bold">OFFICIAL-SENSITIVE</p>
    </>
  );
}
