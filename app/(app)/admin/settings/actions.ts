"use server";

import { redirect } from "next/navigation";
import { formValues, wholeNumber } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

export async function updateSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.settings.update({
      version: Number(v.version),
      name: v.name ?? "",
      caseNumberPrefix: v.caseNumberPrefix ?? "",
      dashThreshold: wholeNumber(v.dashThreshold),
      escalationIncidents: wholeNumber(v.escalationIncidents),
      repeatWindowMonths: wholeNumber(v.repeatWindowMonths),
      retentionMonths: wholeNumber(v.retentionMonths),
      adultFemalePopulation: v.adultFemalePopulation?.trim() ? wholeNumber(v.adultFemalePopulation) : null,
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect("/admin/settings?saved=1");
}
