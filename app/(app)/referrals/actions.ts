"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import { patchFromValues, valuesFromDraft } from "~/components/referral/form-model";
import { issueTarget, isFormStep, isVictimPage, nextStep, REFERRAL_STEPS, stepTitle, type FormStep } from "~/components/referral/steps";
import type { SubmitState } from "~/components/referral/submit-form";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import { validateStep } from "./validate";

/** Starts a new draft referral for the signed-in user and opens its first page. */
export async function startReferralAction(): Promise<void> {
  const { id } = await (await getServerApi()).referrals.start();
  redirect(`/referrals/${id}/victim`);
}

/**
 * Saves one page into the draft, exactly as typed (valid or not, so nothing is lost), then checks
 * the page with the referral schema. "add" and "remove-N" change a list page's blocks and show it
 * again; "later" goes back to the list of drafts.
 */
export async function saveStepAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const draftId = v.draftId ?? "";
  const step = v.step;
  const intent = v.intent ?? "continue";
  if (!isFormStep(step)) return { status: "error", message: "This page of the referral form does not exist.", values: v };
  let version: number;
  let patch: Record<string, unknown>;
  let errors: Record<string, string[]>;
  try {
    const api = await getServerApi();
    // A victim page keeps what the other victim pages saved; a draft changed meanwhile is refused on save as before.
    const content = isVictimPage(step) ? (await api.referrals.draft({ draftId })).content : {};
    ({ patch, errors } = patchFromValues(step, v, intent, content));
    version = (await api.referrals.save({ draftId, version: Number(v.version), patch })).version;
  } catch (e) {
    return formStateFromError(e, v);
  }
  if (intent === "add" || intent.startsWith("remove-")) redirect(`/referrals/${draftId}/${step}`);
  if (intent === "later") redirect("/referrals?saved=1");
  const fieldErrors = validateStep(step, patch, errors);
  if (Object.keys(fieldErrors).length > 0) return { status: "error", fieldErrors, values: v, version };
  redirect(`/referrals/${draftId}/${nextStep(step)}`);
}

/** The form's own checks of every page of a draft, as error-summary lines linking to each field. */
function draftProblems(draftId: string, content: Record<string, unknown>): { href: string; message: string }[] {
  const out: { href: string; message: string }[] = [];
  for (const { slug } of REFERRAL_STEPS) {
    if (!isFormStep(slug)) continue;
    const step: FormStep = slug;
    const { patch, errors } = patchFromValues(step, valuesFromDraft(step, content), "continue", content);
    for (const [field, messages] of Object.entries(validateStep(step, patch, errors))) {
      const first = messages[0];
      if (first) out.push({ href: `/referrals/${draftId}/${step}?check=1#${field}`, message: `${stepTitle(step)}: ${first}` });
    }
  }
  return out;
}

/** Submits the draft. A refusal comes back as an error summary linking to the page holding each field. */
export async function submitReferralAction(_prev: SubmitState, formData: FormData): Promise<SubmitState> {
  const draftId = formValues(formData).draftId ?? "";
  const api = await getServerApi();
  let result: Awaited<ReturnType<typeof api.referrals.submit>>;
  try {
    result = await api.referrals.submit({ draftId });
  } catch (e) {
    return { status: "error", message: formStateFromError(e, {}).message ?? "The referral could not be submitted. Try again." };
  }
  if (result.ok) redirect(`/referrals/submitted?case=${encodeURIComponent(result.caseNumber)}&id=${encodeURIComponent(result.caseId)}`);
  // The form's own messages are plainer than the schema's; the server's issues fill any gap.
  const mine = draftProblems(draftId, (await api.referrals.draft({ draftId })).content);
  const covered = new Set(mine.map((m) => m.href.split("#")[1]));
  const theirs = result.issues.flatMap((i) => {
    const t = issueTarget(i.path);
    return covered.has(t.field) ? [] : [{ href: `/referrals/${draftId}/${t.step}?check=1#${t.field}`, message: `${stepTitle(t.step)}: ${i.message}` }];
  });
  return { status: "error", message: "The referral has not been submitted. Change these answers first.", issues: [...mine, ...theirs] };
}
