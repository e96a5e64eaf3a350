"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

export async function choosePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).account.choosePassword({ newPassword: v.newPassword ?? "", confirmPassword: v.confirmPassword ?? "" });
  } catch (e) {
    return formStateFromError(e, {});
  }
  redirect("/?saved=password");
}
