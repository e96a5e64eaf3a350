"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import { safeLocalPath } from "~/server/http/safe-path";
import type { ActionStatus } from "~/server/domain/meeting/actions";
import type { Tag } from "~/server/domain/tags";

export async function updateStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).actions.updateStatus({ actionId: Number(v.actionId), version: Number(v.version), status: v.status as ActionStatus, note: v.note ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  // `back` comes from the form: only a path on this site, never another one.
  redirect(`${safeLocalPath(v.back, "/actions")}?saved=status`);
}

export async function createActionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const [d, m, y] = ["day", "month", "year"].map((p) => (v[`dueDate-${p}`] ?? "").trim());
  try {
    await (await getServerApi()).actions.create({
      meetingId: v.meetingId ?? "",
      caseId: v.caseId ?? "",
      description: v.description ?? "",
      tags: formData.getAll("tags").filter((x): x is string => typeof x === "string") as Tag[],
      owningAgencyId: v.owningAgencyId ?? "",
      ownerName: v.ownerName ?? "",
      dueDate: y && m && d ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "",
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  // `back` (the run screen) comes from the form: only a path on this site.
  const back = safeLocalPath(v.back, "");
  redirect(back ? `${back}${back.includes("?") ? "&" : "?"}saved=action#actions` : `/cases/${v.caseId ?? ""}?saved=action#actions`);
}
