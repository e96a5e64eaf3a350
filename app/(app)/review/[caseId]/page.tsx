import type { Metadata } from "next";
import Link from "next/link";
import { RestrictedBadge } from "~/components/case/restricted";
import { RuleUsed } from "~/components/case/rule-used";
import { Button } from "~/components/ui/fields";
import { SuccessBanner } from "~/components/ui/notification-banner";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { TAG_LABELS, TAGS } from "~/server/domain/tags";
import { confirmAllAction, reviewSentencesAction } from "../actions";

export const metadata: Metadata = { title: "Review text" };

const DONE: Record<string, string> = { saved: "Your review has been saved.", confirmed: "All suggestions have been confirmed." };
const PROBLEM: Record<string, string> = {
  conflict: "Someone else changed this text while you were reviewing it. Nothing was saved. Check the text below and review it again.",
  invalid: "Your review could not be saved. Check the choices and try again.",
  nothing: "Choose what to do with at least one sentence.",
};

export default async function ReviewTextPage({ params, searchParams }: { params: Promise<{ caseId: string }>; searchParams: Promise<{ text?: string; outcome?: string }> }) {
  const { caseId } = await params;
  const { text: ref = "", outcome = "" } = await searchParams;
  const text = await readOrRefuse(async () => (await getServerApi()).review.text({ caseId, ref }));
  const ids = (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="ref" value={text.ref} />
      <input type="hidden" name="version" value={text.version} />
    </>
  );
  const open = text.sentences.filter((s) => !s.reviewed).length;
  // "Confirm all" leaves these for a choice each (decision 054).
  const unsure = text.sentences.filter((s) => !s.reviewed && s.suggestions.some((sg) => sg.uncertain)).length;
  const sentences = (n: number) => (n === 1 ? "1 sentence" : `${n} sentences`);
  return (
    <div className="max-w-3xl">
      {DONE[outcome] ? (
        <SuccessBanner>
          {outcome === "confirmed" && unsure > 0 ? "The suggestions MARAC Desk was sure about have been confirmed." : DONE[outcome]}
        </SuccessBanner>
      ) : null}
      {PROBLEM[outcome] ? (
        <div role="alert" data-error-summary aria-labelledby="problem-title" className="mb-6 border-4 border-error p-4">
          <h2 id="problem-title" className="mb-2 text-xl">There is a problem</h2>
          <p>{PROBLEM[outcome]}</p>
        </div>
      ) : null}
      <Link href="/review" className="mb-6 inline-block">Back to text to review</Link>
      <span className="mb-1 block text-lg text-secondary">Case {text.caseNumber}</span>
      <h1>Review: {text.label}</h1>
      <p className="mb-4">
        {open === 0 ? "Every sentence has been reviewed." : `${open} of ${text.sentences.length} sentences are not reviewed yet.`} A reviewed sentence without a tag
        is shared with every member agency; a tagged one only with agencies allowed that tag.
      </p>
      {open > unsure ? (
        <form action={confirmAllAction} className="mb-8">
          {ids}
          <Button variant="secondary" aria-describedby={unsure > 0 ? "unsure-hint" : undefined}>Confirm all suggestions</Button>
          {unsure > 0 ? (
            <p id="unsure-hint" className="mt-2">
              This confirms only the suggestions MARAC Desk is sure about. {sentences(unsure)} marked &ldquo;The detector is unsure&rdquo;{" "}
              {unsure === 1 ? "stays" : "stay"} withheld until you choose what to do with {unsure === 1 ? "it" : "each one"} below.
            </p>
          ) : null}
        </form>
      ) : unsure > 0 ? (
        <p className="mb-8">
          MARAC Desk is unsure about {unsure === 1 ? "the sentence" : `the ${sentences(unsure)}`} left, so {unsure === 1 ? "it needs" : "each one needs"} your
          choice below. {unsure === 1 ? "It stays" : "They stay"} withheld until you decide.
        </p>
      ) : null}
      <form action={reviewSentencesAction}>
        {ids}
        <ol className="mb-6 space-y-6">
          {text.sentences.map((s, i) => (
            <li key={`${s.digest}-${i}`} className={s.suggestions.length > 0 ? "border-l-4 border-restricted p-4" : "border-l-4 border-border p-4"}>
              <input type="hidden" name={`digest-${i}`} value={s.digest} />
              <fieldset>
                <legend className="mb-2">
                  <span className="font-bold">Sentence {i + 1}{s.reviewed ? " (reviewed)" : ""}:</span> {s.sentence}
                </legend>
                {s.suggestions.length === 0 ? <p className="mb-2 text-secondary">No tag suggested.</p> : null}
                {s.suggestions.map((sg, j) => (
                  <div key={j} className="mb-2">
                    <RestrictedBadge tags={[sg.tag]} /> <span>{sg.reason}</span>
                    {sg.rule ? <RuleUsed rule={sg.rule} /> : null}
                  </div>
                ))}
                <div className="space-y-2">
                  {[
                    ["later", "Decide later"],
                    ["confirm", s.suggestions.length > 0 ? "Confirm the tags shown" : "Confirm: nothing to tag"],
                    ["no_tag", "No tag: share with member agencies"],
                    ["tag", "Add a tag"],
                  ].map(([value, label]) => (
                    <label key={value} className="flex items-center gap-2 text-lg">
                      <input type="radio" name={`decision-${i}`} value={value} defaultChecked={value === "later"} className="size-7 shrink-0 accent-ink" />
                      {label}
                    </label>
                  ))}
                </div>
                <label htmlFor={`tag-${i}`} className="mt-2 block font-bold">
                  Tag for sentence {i + 1}, if you add one
                </label>
                <select id={`tag-${i}`} name={`tag-${i}`} className="block border-2 border-input bg-white p-1.5 text-lg">
                  {TAGS.map((t) => (
                    <option key={t} value={t}>
                      {TAG_LABELS[t]}
                    </option>
                  ))}
                </select>
              </fieldset>
            </li>
          ))}
        </ol>
        <Button>Save review</Button>
      </form>
    </div>
  );
}
