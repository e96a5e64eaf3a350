"use server";

import { redirect } from "next/navigation";
import { StaleSecondFactor } from "~/server/services/two-factor";
import { revalidatePath } from "next/cache";
import { formValues } from "~/app/_lib/form-data";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { DecisionState } from "./decision-state";

/** Approve or reject one proposal. A one-time password comes back in the state only, shown once. */
export async function decideAction(_prev: DecisionState, formData: FormData): Promise<DecisionState> {
  const v = formValues(formData);
  const id = v.id ?? "";
  try {
    const api = await getServerApi();
    if (v.decision === "approve") {
      const res = await api.approvals.approve({ id });
      revalidatePath("/approvals");
      return { status: "success", decision: "approved", oneTimePassword: res.oneTimePassword, userName: res.userName };
    }
    await api.approvals.reject({ id });
    revalidatePath("/approvals");
    return { status: "success", decision: "rejected" };
  } catch (e) {
    if (e instanceof StaleSecondFactor) redirect("/account/confirm?next=/approvals");
    return formStateFromError(e, {});
  }
}
