import type { Metadata } from "next";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { Button, Radios } from "~/components/ui/fields";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatDate, formatTime } from "~/server/domain/dates";
import { acceptAction } from "../../actions";

export const metadata: Metadata = { title: "Accept a referral" };

/** One question: which meeting the accepted case goes to, the next one chosen already. */
export default async function AcceptPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { row, meetings } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [queue, meetings] = await Promise.all([api.triage.queue(), api.triage.upcomingMeetings()]);
    return { row: queue.find((r) => r.id === caseId) ?? null, meetings };
  });
  if (!row) {
    return (
      <div className="max-w-2xl">
        <Link href="/triage" className="mb-6 inline-block">Back to triage</Link>
        <h1>This referral is not waiting for triage</h1>
        <p>It may already have been accepted or declined.</p>
      </div>
    );
  }
  const options = [
    ...meetings.map((m, i) => ({ value: m.id, label: `${formatDate(m.date)} at ${formatTime(m.time)}${i === 0 ? " (the next meeting)" : ""}` })),
    { value: "", label: "Not on an agenda yet: I will add it later" },
  ];
  return (
    <div className="max-w-2xl">
      <Link href="/triage" className="mb-6 inline-block">Back to triage</Link>
      <span className="mb-1 block text-lg text-secondary">{row.caseNumber}</span>
      <h1>Accept the referral for {row.victimName}</h1>
      <dl className="mb-8">
        {[
          ["Referred", `${formatValue(row.referralDate)} by ${row.referringAgencyName}`],
          ["Dash score", `${row.dashScore} of 24`],
          ["Children in the household", row.hasChildren ? "Yes" : "No"],
        ].map(([k, v]) => (
          <div key={k} className="grid grid-cols-1 gap-1 border-b border-border py-2 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{v}</dd>
          </div>
        ))}
      </dl>
      <form action={acceptAction}>
        <input type="hidden" name="caseId" value={row.id} />
        <input type="hidden" name="caseNumber" value={row.caseNumber} />
        <Radios
          id="meetingId"
          label="Which meeting should hear this case?"
          hint={meetings.length === 0 ? "No meeting is planned yet. You can add the case to an agenda once one is." : "The case goes on that meeting's agenda. You can move it later."}
          options={options}
          defaultValue={meetings[0]?.id ?? ""}
        />
        <p className="mb-6">The referring agency will see that the referral has been accepted.</p>
        <Button>Accept referral</Button>
      </form>
    </div>
  );
}
