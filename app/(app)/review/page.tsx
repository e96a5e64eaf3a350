import type { Metadata } from "next";
import Link from "next/link";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { formatDate } from "~/server/domain/dates";

export const metadata: Metadata = { title: "Text to review" };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function ReviewQueuePage() {
  const queue = await readOrRefuse(async () => (await getServerApi()).review.queue());
  return (
    <div className="max-w-3xl">
      <h1>Text to review</h1>
      <p className="mb-6">
        Free text is shared with other agencies only after a case holder has looked at each sentence and settled its tags. Until then only case holders and
        the agency that wrote it can read it.
      </p>
      {queue.cases.length === 0 ? (
        <p>There is no text waiting for review.</p>
      ) : (
        <ul className="space-y-6">
          {queue.cases.map((c) => (
            <li key={c.caseId} className="border-l-4 border-border pl-4">
              <h2 className="mb-1 text-xl">
                {c.caseNumber}: {c.victimName}
              </h2>
              {c.onNextAgenda && queue.nextMeetingDate ? <p className="mb-2 font-bold">On the agenda of the next meeting, {formatDate(queue.nextMeetingDate)}</p> : null}
              <ul className="list-disc space-y-1 pl-6">
                {c.texts.map((t) => (
                  <li key={t.ref}>
                    <Link href={`/review/${encodeURIComponent(c.caseId)}?text=${encodeURIComponent(t.ref)}`}>{t.label}</Link> ({plural(t.unreviewed, "sentence", "sentences")} to review)
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
