"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import { getServerApi } from "~/server/api/server-caller";

/** A refusal as a code the page turns into a fixed sentence (no server text travels in the address). */
function refusal(e: unknown): string {
  if (e instanceof TRPCError && ["FORBIDDEN", "CONFLICT", "BAD_REQUEST", "NOT_FOUND"].includes(e.code)) return e.code;
  throw e;
}

export async function proposeDeletionAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  let problem: string | null = null;
  try {
    await (await getServerApi()).retention.propose({ caseId: v.caseId ?? "", reason: v.reason === "erasure_request" ? "erasure_request" : "retention_period_ended" });
  } catch (e) {
    problem = refusal(e);
  }
  redirect(problem ? `/retention?problem=${encodeURIComponent(problem)}` : `/retention?proposed=${encodeURIComponent(v.caseNumber ?? "")}`);
}

export async function decideDeletionAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  let problem: string | null = null;
  try {
    await (await getServerApi()).retention.decide({ proposalId: Number(v.proposalId), approve: v.decision === "approve" });
  } catch (e) {
    problem = refusal(e);
  }
  redirect(problem ? `/retention?problem=${encodeURIComponent(problem)}` : `/retention?${v.decision === "approve" ? "deleted" : "kept"}=${encodeURIComponent(v.caseNumber ?? "")}`);
}
