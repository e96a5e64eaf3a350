"use server";

import { redirect } from "next/navigation";
import { formValues, safeToEcho, yesNo } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { TCreateAgency } from "~/server/schemas/admin";

function agencyInput(v: Record<string, string>) {
  return { name: v.name ?? "", type: v.type as TCreateAgency["type"], isMaracMember: yesNo(v.isMaracMember) as boolean, active: yesNo(v.active) as boolean };
}

export async function createAgencyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).admin.agencies.create(agencyInput(v));
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect("/admin/agencies?saved=created");
}

/** Name and status save at once; a new type or membership waits for a chair's approval. */
export async function updateAgencyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  let proposed = false;
  try {
    const res = await (await getServerApi()).admin.agencies.update({ ...agencyInput(v), id: v.id ?? "", version: Number(v.version) });
    proposed = res.proposalId !== null;
  } catch (e) {
    return formStateFromError(e, safeToEcho(v));
  }
  redirect(`/admin/agencies?saved=${proposed ? "proposed" : "updated"}`);
}
