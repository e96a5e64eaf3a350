"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { IDLE, type FormState } from "~/components/ui/form-state";
import { fieldOrder, type Values } from "./form-model";
import { ConsentFields, CriteriaFields, type CriteriaSummary, DashFields, HouseholdFields, NarrativeFields, PerpetratorFields, VictimFields } from "./step-fields";
import { isVictimPage, type FormStep } from "./steps";

/** What a page needs besides the answers: the MARAC's thresholds, the criteria so far, the referrer. */
export type StepContext = {
  dashThreshold: number;
  escalationIncidents: number;
  dashScore: number;
  criteria: CriteriaSummary;
  referrer: { name: string; email: string; agencyName: string };
  /** The answer to the victim pages' pregnancy question, so Dash question 9 is not asked twice. */
  pregnancyAnswer: unknown;
};

/**
 * One page of the referral form. "Save and continue" saves what was typed into the draft, valid or
 * not, then checks the page; errors come back in a GOV.UK error summary with the answers kept.
 */
export function ReferralStepForm({ action, draftId, step, version, defaults, initialErrors, context }: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  draftId: string;
  step: FormStep;
  version: number;
  defaults: Values;
  /** Errors to show on arrival (from a failed submit on the check page). */
  initialErrors?: Record<string, string[]>;
  context: StepContext;
}) {
  const initial: FormState = initialErrors && Object.keys(initialErrors).length > 0 ? { status: "error", fieldErrors: initialErrors } : IDLE;
  const [state, formAction] = useActionState(action, initial);
  const v = { ...defaults, ...(state.values ?? {}) };
  const err = (f: string) => state.fieldErrors?.[f]?.[0];
  const order = fieldOrder(step, v);
  const extra = Object.keys(state.fieldErrors ?? {}).filter((k) => !order.includes(k));
  const props = { v, err };
  return (
    <form action={formAction} noValidate key={JSON.stringify(state.values ?? {}) + String(state.version ?? "")}>
      <ErrorSummary errors={summaryErrors([...order, ...extra], state.fieldErrors, state.message)} />
      {/* Pressing Enter in a box saves and continues (the first submit button), never "Remove". */}
      <button type="submit" name="intent" value="continue" hidden tabIndex={-1} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="step" value={step} />
      <input type="hidden" name="version" value={state.version ?? version} />
      {isVictimPage(step) ? <VictimFields {...props} page={step} /> : null}
      {step === "perpetrators" ? <PerpetratorFields {...props} /> : null}
      {step === "household" ? <HouseholdFields {...props} /> : null}
      {step === "dash" ? <DashFields {...props} threshold={context.dashThreshold} initialScore={context.dashScore} draftId={draftId} pregnancyAnswer={context.pregnancyAnswer} /> : null}
      {step === "criteria" ? <CriteriaFields {...props} summary={context.criteria} escalationIncidents={context.escalationIncidents} /> : null}
      {step === "consent" ? <ConsentFields {...props} /> : null}
      {step === "narrative" ? <NarrativeFields {...props} referrer={context.referrer} /> : null}
      <div className="mt-8 flex flex-wrap gap-4">
        <Button name="intent" value="continue">
          Save and continue
        </Button>
        <Button variant="secondary" name="intent" value="later">
          Save and come back later
        </Button>
      </div>
    </form>
  );
}
