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

/** A date from its day, month and year boxes; "" when any is empty. */
function dateFrom(v: Record<string, string>, id: string): string {
  const [d, m, y] = ["day", "month", "year"].map((p) => (v[`${id}-${p}`] ?? "").trim());
  return y && m && d ? `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "";
}

function meetingInput(formData: FormData, v: Record<string, string>) {
  const deadlineTyped = ["day", "month", "year"].some((p) => (v[`researchDeadline-${p}`] ?? "").trim() !== "");
  return {
    date: dateFrom(v, "date"),
    // All three boxes blank: the default deadline; partly filled, the schema says it is not a date.
    researchDeadline: deadlineTyped ? dateFrom(v, "researchDeadline") : null,
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

function problemOf(e: unknown): string | null {
  return e instanceof TRPCError && e.code !== "INTERNAL_SERVER_ERROR" && e.code !== "UNAUTHORIZED" && e.code !== "FORBIDDEN" ? e.message : null;
}

/**
 * The agenda buttons (remove, move, publish): one action, the button says which. After a move
 * (made or refused) the page opens at the same button, which takes the focus again.
 */
export async function agendaAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  const meetingId = v.meetingId ?? "";
  const caseId = v.caseId ?? "";
  const api = (await getServerApi()).meetings;
  const moved = v.op === "up" || v.op === "down";
  const anchor = moved ? `#move-${v.op ?? ""}-${caseId}` : v.op === "publish" ? "" : "#agenda";
  try {
    if (v.op === "remove") await api.removeCase({ meetingId, caseId });
    else if (v.op === "up" || v.op === "down") await api.move({ meetingId, caseId, direction: v.op });
    else if (v.op === "publish") await api.publish({ meetingId });
  } catch (e) {
    const problem = problemOf(e);
    if (problem) redirect(`/meetings/${meetingId}?problem=${encodeURIComponent(problem)}${anchor}`);
    throw e;
  }
  redirect(`/meetings/${meetingId}?saved=${v.op ?? ""}${anchor}`);
}

/** Adds the ticked cases from the add-cases form; the filters the form was showing are kept. */
export async function addCasesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const meetingId = v.meetingId ?? "";
  const caseIds = formData.getAll("caseIds").filter((x): x is string => typeof x === "string");
  let added: number;
  try {
    ({ added } = await (await getServerApi()).meetings.addCases({ meetingId, caseIds }));
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/meetings/${meetingId}?saved=added&count=${added}#agenda`);
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

const ATTENDANCE = new Set(["attended", "apologies", "absent"]);

/** Attendance and the confidentiality statement; an agency left unset stays unset. */
export async function saveRecordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const agencyIds = formData.getAll("agencyId").filter((x): x is string => typeof x === "string");
  try {
    await (await getServerApi()).meetings.saveRecord({
      meetingId: v.meetingId ?? "",
      version: v.version ? Number(v.version) : null,
      confidentialityAgreed: v.confidentialityAgreed === "yes",
      attendance: agencyIds
        .filter((agencyId) => ATTENDANCE.has(v[`status-${agencyId}`] ?? ""))
        .map((agencyId) => ({ agencyId, status: v[`status-${agencyId}`] as "attended" | "apologies" | "absent", names: v[`names-${agencyId}`] ?? "" })),
    });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/meetings/${v.meetingId ?? ""}/run?saved=record${v.next === "first" ? "&case=1" : ""}`);
}

export type TNotesInput = { meetingId: string; caseId: string; version: number | null; discussion: string; risks: string; safetyPlan: string };
export type TNotesResult =
  | { saved: true; version: number }
  | { saved: false; message: string; current: { version: number; discussion: string; risks: string; safetyPlan: string } }
  | { saved: false; message: string; current: null };

/** The notes autosave: returns what happened, never redirects (the page keeps its other cases' text). */
export async function autosaveCaseNotesAction(input: TNotesInput): Promise<TNotesResult> {
  try {
    return await (await getServerApi()).meetings.saveCaseNotes(input);
  } catch (e) {
    const problem = problemOf(e);
    if (problem) return { saved: false, message: problem, current: null };
    throw e;
  }
}

/** Start or restart the timer, or mark the case complete or not: then back to the same case. */
export async function runCaseAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  const meetingId = v.meetingId ?? "";
  const caseId = v.caseId ?? "";
  const api = (await getServerApi()).meetings;
  const back = `/meetings/${meetingId}/run?case=${encodeURIComponent(v.position ?? "1")}`;
  try {
    if (v.op === "timer") await api.startTimer({ meetingId, caseId });
    else if (v.op === "complete" || v.op === "reopen") await api.completeCase({ meetingId, caseId, complete: v.op === "complete" });
  } catch (e) {
    const problem = problemOf(e);
    if (problem) redirect(`${back}&problem=${encodeURIComponent(problem)}`);
    throw e;
  }
  // A completed case leads on to the next one, if there is one.
  if (v.op === "complete" && v.nextPosition) redirect(`/meetings/${meetingId}/run?case=${encodeURIComponent(v.nextPosition)}&saved=complete`);
  redirect(`${back}&saved=${v.op ?? ""}`);
}
