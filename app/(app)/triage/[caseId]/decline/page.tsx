import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { DeclineForm } from "./decline-form";

export const metadata: Metadata = { title: "Decline a referral" };

export default async function DeclinePage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const row = await readOrRefuse(async () => {
    const queue = await (await getServerApi()).triage.queue();
    return queue.find((r) => r.id === caseId) ?? null;
  });
  return (
    <div className="max-w-2xl">
      <Link href="/triage" className="mb-6 inline-block">Back to triage</Link>
      {row ? (
        <>
          <span className="mb-1 block text-lg text-secondary">{row.caseNumber}</span>
          <h1>Decline the referral for {row.victimName}</h1>
          <DeclineForm caseId={caseId} caseNumber={row.caseNumber} />
        </>
      ) : (
        <>
          <h1>This referral is not waiting for triage</h1>
          <p>It may already have been accepted or declined.</p>
        </>
      )}
    </div>
  );
}
