"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { formValues, yesNo } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";

function invitedIds(formData: FormData): string[] {
  return formData.getAll("invitedAgencyIds").filter((x): x is string => typeof x === "string");
}

function meetingInput(formData: FormData, v: Record<string, string>) {
  const [d, m, y] = ["day", "month", "year"].map((p) => (v[`date-${p}`] ?? "").trim());
  return {
    date: y && m && d ? `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "",
    time: (v.time ?? "").trim(),
    venue: v.venue ?? "",
    // Unanswered, it arrives as undefined and the schema says so.
    online: yesNo(v.online) as boolean,
    chairUserId: v.chairUserId ?? "",
    invitedAgencyIds: invitedIds(formData),
  };
}

export async function createMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  let id: string;
  try {
    ({ id } = await (await getServerApi()).meetings.create(meetingInput(formData, v)));
  } catch (e) {
    return formStateFromError(e, { ...v, invitedAgencyIds: invitedIds(formData).join(",") });
  }
  redirect(`/meetings/${id}?saved=created`);
}

export async function updateMeetingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).meetings.update({ ...meetingInput(formData, v), meetingId: v.meetingId ?? "", version: Number(v.version) });
  } catch (e) {
    return formStateFromError(e, { ...v, invitedAgencyIds: invitedIds(formData).join(",") });
  }
  redirect(`/meetings/${v.meetingId ?? ""}?saved=updated`);
}

/** The agenda buttons (add, remove, move, publish): one action, the button says which. */
export async function agendaAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  const meetingId = v.meetingId ?? "";
  const api = (await getServerApi()).meetings;
  try {
    if (v.op === "add") await api.addCase({ meetingId, caseId: v.caseId ?? "" });
    else if (v.op === "remove") await api.removeCase({ meetingId, caseId: v.caseId ?? "" });
    else if (v.op === "up" || v.op === "down") await api.move({ meetingId, caseId: v.caseId ?? "", direction: v.op });
    else if (v.op === "publish") await api.publish({ meetingId });
  } catch (e) {
    if (e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR" && e.code !== "UNAUTHORIZED" && e.code !== "FORBIDDEN") {
      redirect(`/meetings/${meetingId}?problem=${encodeURIComponent(e.message)}`);
    }
    throw e;
  }
  redirect(`/meetings/${meetingId}?saved=${v.op ?? ""}${v.caseId ? `&case=${encodeURIComponent(v.caseId)}` : ""}#agenda`);
}

export async function saveResearchAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).meetings.saveResearch({
      meetingId: v.meetingId ?? "",
      caseId: v.caseId ?? "",
      version: v.version ? Number(v.version) : null,
      shared: v.shared ?? "",
      withheld: v.withheld ?? "",
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/meetings/${v.meetingId ?? ""}/pack?saved=research`);
}

export async function saveRecordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const agencyIds = formData.getAll("agencyId").filter((x): x is string => typeof x === "string");
  try {
    await (await getServerApi()).meetings.saveRecord({
      meetingId: v.meetingId ?? "",
      version: v.version ? Number(v.version) : null,
      confidentialityAgreed: v.confidentialityAgreed === "yes",
      attendance: agencyIds.map((agencyId) => ({
        agencyId,
        status: (v[`status-${agencyId}`] ?? "absent") as "attended" | "apologies" | "absent",
        names: v[`names-${agencyId}`] ?? "",
      })),
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/meetings/${v.meetingId ?? ""}/run?saved=record`);
}

export async function saveCaseNotesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  try {
    await (await getServerApi()).meetings.saveCaseNotes({
      meetingId: v.meetingId ?? "",
      caseId: v.caseId ?? "",
      version: v.version ? Number(v.version) : null,
      discussion: v.discussion ?? "",
      risks: v.risks ?? "",
      minutesTaken: v.minutesTaken ? Number(v.minutesTaken) : null,
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/meetings/${v.meetingId ?? ""}/run?saved=notes#case-${v.caseId ?? ""}`);
}
