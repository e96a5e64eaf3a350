import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import type { ShownTags } from "./field-rows";
import { formatValue } from "./labels";
import { isProjectedText, ProjectedText } from "./projected-text";
import { isWithheld, RestrictedBadge, WithheldNotice } from "./restricted";
import { TableScroll } from "~/components/ui/table-scroll";

function field(answer: unknown, key: string): unknown {
  return typeof answer === "object" && answer !== null ? (answer as Record<string, unknown>)[key] : undefined;
}

/** The 24 Dash questions with each answer as this viewer may see it. */
export function DashTable({ answers, shownTags, notice }: { answers: Record<string, unknown>; shownTags: ShownTags; notice: string | null }) {
  return (
    <>
      <TableScroll label="Dash risk identification checklist answers"><table className="mb-2 w-full border-collapse text-left">
        <caption className="sr-only">Dash risk identification checklist answers</caption>
        <thead>
          <tr className="border-b border-border">
            <th scope="col" className="py-2 pr-3">Question</th>
            <th scope="col" className="py-2 pr-3">Answer</th>
            <th scope="col" className="py-2 pr-3">Comment and source</th>
          </tr>
        </thead>
        <tbody>
          {DASH_QUESTIONS.map((q, i) => {
            const a = answers[q.id];
            const comment = field(a, "comment");
            const source = field(a, "sourceIfNotVictim");
            const answer = field(a, "answer");
            return (
              <tr key={q.id} className="dash-row">
                <th scope="row">
                  {i + 1}. {q.text}
                  {isWithheld(a) ? null : <RestrictedBadge tags={shownTags.get(`dash.answers.${q.id}`) ?? []} />}
                </th>
                {isWithheld(a) ? (
                  <td colSpan={2}>
                    <WithheldNotice value={a} />
                  </td>
                ) : (
                  <>
                    <td className="font-bold">{answer === undefined ? "Not answered" : formatValue(answer)}</td>
                    <td>
                      {isProjectedText(comment) && comment.text.trim() !== "" ? <ProjectedText value={comment} hideNotice /> : null}
                      {source ? <p className="text-sm">Source: {formatValue(source)}</p> : null}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table></TableScroll>
      {notice ? <p className="mb-8 text-sm text-secondary">{notice}</p> : null}
    </>
  );
}
