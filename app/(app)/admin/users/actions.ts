"use server";

import { redirect } from "next/navigation";
import { formValues, safeToEcho, yesNo } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { TCreateUser } from "~/server/schemas/admin";

// Unanswered questions arrive as undefined and the procedure's schema reports them by field.
function userInput(v: Record<string, string>) {
  return { name: v.name ?? "", email: v.email ?? "", agencyId: v.agencyId ?? "", role: v.role as TCreateUser["role"], active: yesNo(v.active) as boolean };
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.users.create({ ...userInput(v), password: v.password ?? "" });
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect("/admin/users?saved=created");
}

export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.users.update({ ...userInput(v), id: v.id ?? "", version: Number(v.version) });
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect("/admin/users?saved=updated");
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.users.resetPassword({ id: v.id ?? "", password: v.password ?? "" });
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect("/admin/users?saved=password");
}
