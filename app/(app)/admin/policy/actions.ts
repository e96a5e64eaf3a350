"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { TProposePolicyChange } from "~/server/schemas/policy";

/** Proposes one agency's row; a chair approves it on /approvals before a new version starts. */
export async function proposePolicyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const agencyId = v.agencyId ?? "";
  const row = v.row ?? "";
  // Checkboxes repeat their name; zod refuses any value that is not a category.
  const allow = formData.getAll("allow").filter((x): x is string => typeof x === "string") as TProposePolicyChange["allow"];
  try {
    await (await getServerApi()).admin.policy.propose({ agencyId, followTypeDefault: row === "default", allow });
  } catch (e) {
    return formStateFromError(e, { row, allow: allow.join(",") });
  }
  redirect("/admin/changes?proposed=policy");
}
