"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

export async function acceptAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).triage.accept({ caseId: v.caseId ?? "", meetingId: v.meetingId ? v.meetingId : undefined });
  } catch (e) {
    // Someone else decided it first: say so on the queue rather than failing.
    if (e instanceof TRPCError && (e.code === "CONFLICT" || e.code === "NOT_FOUND")) redirect("/triage?stale=1");
    throw e;
  }
  const to = v.meetingId ? `&to=${encodeURIComponent(v.meetingId)}` : "";
  redirect(`/triage?accepted=${encodeURIComponent(v.caseNumber ?? "")}${to}`);
}

export async function declineAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).triage.decline({ caseId: v.caseId ?? "", reason: v.reason ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/triage?declined=${encodeURIComponent(v.caseNumber ?? "")}`);
}

export async function decideMatchAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  await (await getServerApi()).triage.decideMatch({ linkId: Number(v.linkId), confirm: v.decision === "confirm" });
  redirect(`/cases/${v.caseId ?? ""}?saved=match`);
}
