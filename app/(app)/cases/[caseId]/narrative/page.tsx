import type { Metadata } from "next";
import Link from "next/link";
import { ProjectedText } from "~/components/case/projected-text";
import { RestrictedBadge } from "~/components/case/restricted";
import { RuleUsed } from "~/components/case/rule-used";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { reviewSentences } from "~/server/domain/case/retag";
import type { TaggedText } from "~/server/domain/case/text";
import { formatDateTime } from "~/server/domain/dates";
import { suggestionReason } from "~/server/domain/detector";
import { TAG_LABELS } from "~/server/domain/tags";
import { NarrativeTextForm, RemoveSuggestionForm, TagSentenceForm } from "./review-forms";

export const metadata: Metadata = { title: "Review narrative tags" };

const SAVED: Record<string, string> = { text: "The narrative has been saved and checked again.", tag: "The tag has been added.", removed: "The tag has been removed and your reason recorded." };

export default async function NarrativePage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { caseId } = await params;
  const { saved } = await searchParams;
  const { data, removals } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const data = await api.cases.forEditing({ caseId });
    return { data, removals: await api.cases.removals({ caseId }) };
  });
  const narrative = data.view.narrative as unknown as TaggedText;
  const ids = { caseId, version: data.version };
  return (
    <div className="max-w-3xl">
      {saved && SAVED[saved] ? <SuccessBanner>{SAVED[saved]}</SuccessBanner> : null}
      <Link href={`/cases/${caseId}`} className="mb-6 inline-block">Back to the case</Link>
      <span className="mb-1 block text-lg text-secondary">Case {data.caseNumber}</span>
      <h1>Review narrative tags</h1>
      <p className="mb-6">
        Tagged sentences are removed from what an agency sees unless its sharing policy allows that category. MARAC Desk suggests tags and applies
        them at once; you can add tags by hand, and remove a suggestion if you give a reason.
      </p>
      <NarrativeTextForm {...ids} text={narrative.text} />
      <h2>Sentences</h2>
      <ol className="mb-8 space-y-6">
        {reviewSentences(narrative).map((s, i) => (
          <li key={`${s.start}-${s.end}`} className={s.spans.length > 0 ? "border-l-4 border-restricted bg-[#f3f1f9] p-4" : "border-l-4 border-border p-4"}>
            <p className="mb-2">
              <span className="font-bold">Sentence {i + 1}:</span> {s.sentence}
            </p>
            {s.spans.map((sp, j) => (
              <div key={j} className="mb-2">
                <RestrictedBadge tags={sp.tags} />{" "}
                <span className="text-sm">
                  {sp.source === "detector" ? `Suggested by MARAC Desk. ${sp.tags.map((t) => suggestionReason(t, sp.rule, sp.uncertain === true)).join(" ")}` : "Added by hand."}
                </span>
                {sp.source === "detector" && sp.rule ? <RuleUsed rule={sp.rule} /> : null}
                {sp.source === "detector" ? sp.tags.map((tag) => <RemoveSuggestionForm key={tag} {...ids} start={s.start} end={s.end} tag={tag} index={i} />) : null}
              </div>
            ))}
            <TagSentenceForm {...ids} start={s.start} end={s.end} index={i} />
          </li>
        ))}
      </ol>
      <h2>Suggestions removed</h2>
      {removals.length === 0 ? (
        <p>No suggestions have been removed.</p>
      ) : (
        <ul className="list-disc space-y-2 pl-6">
          {removals.map((r) => (
            <li key={r.id}>
              {TAG_LABELS[r.tag]} tag removed by {r.userName} on {formatDateTime(r.at)}. Reason:
              <ProjectedText value={r.reason} hideNotice />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
