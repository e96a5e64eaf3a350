"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

export async function addFlagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).cases.addFlag({ caseId: v.caseId ?? "", factorId: v.factorId ?? "", note: v.note ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/cases/${v.caseId ?? ""}?saved=flag#flags`);
}

export async function withdrawFlagAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).cases.withdrawFlag({ flagId: Number(v.flagId), reason: v.reason ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/cases/${v.caseId ?? ""}?saved=withdrawn#flags`);
}
