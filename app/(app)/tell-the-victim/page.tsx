import type { Metadata } from "next";
import Link from "next/link";
import { ProjectedText } from "~/components/case/projected-text";
import { endDay } from "~/components/overrides/override-card";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { StatusTag } from "~/components/ui/status-tag";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { completeTaskAction } from "../overrides/actions";

export const metadata: Metadata = { title: "Tell the victim" };

const PROBLEMS: Record<string, string> = {
  FORBIDDEN: "Only an IDVA completes these tasks.",
  CONFLICT: "That task has already been completed.",
  BAD_REQUEST: "Say whether she was told, and how (or why it is not safe yet).",
  NOT_FOUND: "There is no such task.",
};
const OUTCOME = { open: "To do", told: "She was told", not_safe: "Not safe to tell her yet" } as const;
const day = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/London" });

/**
 * Every override that took effect gives the IDVA a task: tell the victim exactly what went, when
 * and why (the GMP and NPCC commitment), or record why that is not safe yet.
 */
export default async function TellTheVictimPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const { tasks, me } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const [tasks, me] = await Promise.all([api.overrides.tasks(), api.account.me()]);
    return { tasks, me };
  });
  const problem = params.problem ? PROBLEMS[params.problem] : undefined;
  const open = tasks.filter((t) => t.status === "open");
  const done = tasks.filter((t) => t.status !== "open");
  return (
    <>
      {params.done ? <SuccessBanner>The task is complete and recorded.</SuccessBanner> : null}
      {problem ? (
        <div role="alert" className="mb-6 border-4 border-error p-4">
          <h2 className="mb-2">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <h1>Tell the victim</h1>
      <p className="mb-6 max-w-2xl">
        Each time an override shares her information, the IDVA tells her what was shared, with whom, when and why. If telling her is not safe
        yet, record why. Each case&apos;s sharing record lists these decisions too.
      </p>
      <section aria-labelledby="to-do" className="mb-10">
        <h2 id="to-do" className="border-b-2 border-ink pb-2">To do ({open.length})</h2>
        {open.length === 0 ? <p>There is nothing to tell anyone at the moment.</p> : null}
        {open.map((t) => (
          <article key={t.overrideId} id={`task-${t.overrideId}`} aria-labelledby={`task-${t.overrideId}-title`} className="mb-6 border-b border-border pb-6">
            <h3 id={`task-${t.overrideId}-title`} className="mb-2 text-xl">
              <Link href={`/cases/${t.caseId}`}>Case {t.caseNumber}</Link>: {t.override.agencyName}
            </h3>
            <p className="mb-2">
              {t.overdue ? <StatusTag tone="red">Overdue</StatusTag> : <StatusTag tone="blue">To do</StatusTag>} Due by {endDay(t.dueDate)}
            </p>
            <h4 className="font-bold">What went, and when</h4>
            <p className="mb-2 max-w-2xl">{t.whatWent}</p>
            <h4 className="font-bold">Why</h4>
            <ProjectedText value={t.why} hideNotice />
            {me.role === "idva" ? (
              <form action={completeTaskAction} className="mt-4 max-w-xl">
                <input type="hidden" name="overrideId" value={t.overrideId} />
                <fieldset className="mb-4">
                  <legend className="mb-1 text-lg font-bold">Did you tell her?</legend>
                  <label className="flex items-center gap-2 text-lg">
                    <input id={`outcome-${t.overrideId}`} type="radio" name="outcome" value="told" className="size-7 accent-ink" />
                    Yes, she was told
                  </label>
                  <label className="flex items-center gap-2 text-lg">
                    <input type="radio" name="outcome" value="not_safe" className="size-7 accent-ink" />
                    No, it is not safe to tell her yet
                  </label>
                </fieldset>
                <label htmlFor={`note-${t.overrideId}`} className="mb-1 block text-lg font-bold">How she was told, or why it is not safe yet</label>
                <textarea id={`note-${t.overrideId}`} name="note" rows={2} className="mb-3 block w-full border-2 border-input p-1.5 text-lg" />
                <button type="submit" className="bg-button px-3 py-1 font-bold text-white">Complete the task</button>
              </form>
            ) : (
              <p className="mt-3 text-secondary">The IDVA completes this task.</p>
            )}
          </article>
        ))}
      </section>
      <section aria-labelledby="done">
        <h2 id="done" className="border-b-2 border-ink pb-2">Done ({done.length})</h2>
        {done.length === 0 ? <p>No task has been completed yet.</p> : null}
        <ul className="space-y-4">
          {done.map((t) => (
            <li key={t.overrideId} id={`task-${t.overrideId}`}>
              <Link href={`/cases/${t.caseId}`}>Case {t.caseNumber}</Link>: {t.override.agencyName}. {OUTCOME[t.status]}
              {t.completedBy && t.completedAt ? ` (${t.completedBy}, ${day.format(t.completedAt)})` : ""}.
              {t.note ? <ProjectedText value={t.note} hideNotice /> : null}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
