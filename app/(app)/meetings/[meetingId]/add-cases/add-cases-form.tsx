"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { addCasesAction } from "../../actions";

type Candidate = { id: string; label: string; hint: string };

/** GOV.UK checkboxes, one per case, each with its referral date and what the filters look at. */
export function AddCasesForm({ meetingId, candidates }: { meetingId: string; candidates: Candidate[] }) {
  const [state, action] = useActionState(addCasesAction, IDLE);
  const error = state.fieldErrors?.caseIds?.[0];
  if (candidates.length === 0) return <p className="mb-8">No accepted cases match these filters.</p>;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(["caseIds"], state.fieldErrors, state.message)} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <fieldset className={error ? "mb-6 border-l-4 border-error pl-4" : "mb-6"} aria-describedby="caseIds-hint">
        <legend className="mb-1 text-xl font-bold">Select the cases to add</legend>
        <div id="caseIds-hint" className="mb-4 text-secondary">
          {candidates.length === 1 ? "1 case matches." : `${candidates.length} cases match.`} Cases with children in the household go first on the agenda.
        </div>
        {error ? (
          <p id="caseIds-error" className="mb-2 font-bold text-error">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="space-y-3">
          {candidates.map((c, i) => (
            <div key={c.id} className="flex items-start gap-3">
              <input id={i === 0 ? "caseIds" : `caseIds-${i}`} type="checkbox" name="caseIds" value={c.id} aria-describedby={`caseIds-${i}-hint`} className="mt-1 size-6 shrink-0 accent-ink" />
              <label htmlFor={i === 0 ? "caseIds" : `caseIds-${i}`} className="text-lg">
                {c.label}
                <span id={`caseIds-${i}-hint`} className="block text-base text-secondary">{c.hint}</span>
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <Button>Add selected cases</Button>
    </form>
  );
}
