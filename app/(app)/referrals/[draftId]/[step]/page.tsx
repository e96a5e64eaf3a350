import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CheckAnswers } from "~/components/referral/check-answers";
import { patchFromValues, valuesFromDraft } from "~/components/referral/form-model";
import { ReferralStepForm } from "~/components/referral/step-form";
import { isStep, previousStep, REFERRAL_STEPS, stepIndex, stepTitle } from "~/components/referral/steps";
import { SubmitReferralForm } from "~/components/referral/submit-form";
import { getServerApi, readOrRefuse } from "~/server/api/server-caller";
import { getCurrentUser } from "~/server/auth";
import type { DashAnswersInput } from "~/server/domain/referral/scoring";
import { dashScore } from "~/server/domain/referral/scoring";
import { saveStepAction, submitReferralAction } from "../../actions";
import { validateStep } from "../../validate";

type Params = { params: Promise<{ draftId: string; step: string }>; searchParams: Promise<{ check?: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { step } = await params;
  return { title: isStep(step) ? `Refer a case: ${stepTitle(step)}` : "Refer a case" };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export default async function ReferralStepPage({ params, searchParams }: Params) {
  const { draftId, step } = await params;
  const { check } = await searchParams;
  if (!isStep(step)) notFound();
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const { draft, criteria, settings } = await readOrRefuse(async () => {
    const api = await getServerApi();
    const draft = await api.referrals.draft({ draftId });
    const [criteria, settings] = await Promise.all([api.referrals.criteria({ draftId }), api.account.settings()]);
    return { draft, criteria, settings };
  });
  const dash = draft.content.dash;
  const answers: DashAnswersInput = isObj(dash) && isObj(dash.answers) ? dash.answers : {};
  const score = dashScore(answers);
  const summary = { criteria: criteria.criteria, anyMet: criteria.anyMet, canSubmit: criteria.canSubmit, message: criteria.message };
  const prev = previousStep(step);
  const heading = (
    <>
      <Link href={prev ? `/referrals/${draftId}/${prev}` : "/referrals"} className="mb-6 inline-block">
        Back
      </Link>
      <span className="mb-1 block text-lg text-secondary">
        Refer a case to MARAC: step {stepIndex(step) + 1} of {REFERRAL_STEPS.length}
      </span>
      <h1>{step === "check" ? "Check your answers before submitting the referral" : stepTitle(step)}</h1>
    </>
  );

  if (step === "check") {
    return (
      <div className="max-w-4xl">
        {heading}
        <SubmitReferralForm action={submitReferralAction} draftId={draftId}>
          <CheckAnswers draftId={draftId} content={draft.content} score={score} threshold={settings.dashThreshold} criteria={summary} />
        </SubmitReferralForm>
      </div>
    );
  }

  const defaults = valuesFromDraft(step, draft.content);
  // Arriving from a refused submit: show this page's problems at once.
  const built = check ? patchFromValues(step, defaults, "continue", draft.content) : null;
  const initialErrors = built ? validateStep(step, built.patch, built.errors) : undefined;
  return (
    <div className="max-w-3xl">
      {heading}
      <ReferralStepForm
        key={draft.version}
        action={saveStepAction}
        draftId={draftId}
        step={step}
        version={draft.version}
        defaults={defaults}
        initialErrors={initialErrors}
        context={{
          dashThreshold: settings.dashThreshold,
          escalationIncidents: settings.escalationIncidents,
          dashScore: score,
          criteria: summary,
          referrer: { name: user.name, email: user.email, agencyName: user.agencyName },
          pregnancyAnswer: isObj(draft.content.victim) ? draft.content.victim.pregnantOrBabyUnder18Months : undefined,
        }}
      />
    </div>
  );
}
