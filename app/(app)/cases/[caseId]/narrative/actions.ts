"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { Tag } from "~/server/domain/tags";

function common(v: Record<string, string>) {
  return { caseId: v.caseId ?? "", version: Number(v.version) };
}

export async function saveNarrativeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).cases.updateNarrative({ ...common(v), text: v.text ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/cases/${v.caseId ?? ""}/narrative?saved=text`);
}

export async function tagSentenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).cases.tagSentence({ ...common(v), start: Number(v.start), end: Number(v.end), tag: v.tag as Tag });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/cases/${v.caseId ?? ""}/narrative?saved=tag`);
}

export async function removeSuggestionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).cases.removeSuggestion({ ...common(v), start: Number(v.start), end: Number(v.end), tag: v.tag as Tag, reason: v.reason ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/cases/${v.caseId ?? ""}/narrative?saved=removed`);
}
