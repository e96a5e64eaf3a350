"use server";

import { redirect } from "next/navigation";
import { StaleSecondFactor } from "~/server/services/two-factor";
import { formValues, safeToEcho, yesNo } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { TCreateUser } from "~/server/schemas/admin";

// Unanswered questions arrive as undefined and the procedure's schema reports them by field.
function userInput(v: Record<string, string>) {
  return { name: v.name ?? "", email: v.email ?? "", agencyId: v.agencyId ?? "", role: v.role as TCreateUser["role"] };
}

/** A new account is a proposal: a chair approves it and hands the user a one-time password. */
export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.users.create(userInput(v));
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect("/admin/users?saved=proposed");
}

export async function updateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  let proposed = false;
  try {
    const res = await (await getServerApi()).admin.users.update({ ...userInput(v), active: yesNo(v.active) as boolean, id: v.id ?? "", version: Number(v.version) });
    proposed = res.proposalId !== null;
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect(`/admin/users?saved=${proposed ? "updated_proposed" : "updated"}`);
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.users.resetPassword({ id: v.id ?? "" });
  } catch (e) {
    if (e instanceof StaleSecondFactor) redirect(`/account/confirm?next=${encodeURIComponent(`/admin/users/${v.id ?? ""}`)}`);
    return formStateFromError(e, {});
  }
  redirect("/admin/users?saved=reset_proposed");
}

/** Ends every session of the user (audited); the admin stays on the user's page. */
export async function endUserSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  let ended: number;
  try {
    ({ ended } = await (await getServerApi()).admin.users.endSessions({ id: v.id ?? "" }));
  } catch (e) {
    return formStateFromError(e, {});
  }
  return { status: "success", message: ended === 1 ? "1 session was ended." : `${ended} sessions were ended.` };
}
