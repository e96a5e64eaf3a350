"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import { getServerApi } from "~/server/api/server-caller";
import type { SentenceDecision } from "~/server/domain/review/apply";
import { TAGS, type Tag } from "~/server/domain/tags";
import { TRPCError } from "@trpc/server";

const back = (caseId: string, ref: string, outcome: string) => `/review/${encodeURIComponent(caseId)}?text=${encodeURIComponent(ref)}&outcome=${outcome}`;
const outcomeOf = (e: unknown) => (e instanceof TRPCError && e.code === "CONFLICT" ? "conflict" : "invalid");

/** Saves the decisions chosen sentence by sentence; sentences left as "decide later" are untouched. */
export async function reviewSentencesAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  const caseId = v.caseId ?? "";
  const ref = v.ref ?? "";
  const decisions = Object.entries(v)
    .filter(([k]) => k.startsWith("decision-"))
    .flatMap(([k, action]): SentenceDecision[] => {
      const i = k.slice("decision-".length);
      const digest = v[`digest-${i}`] ?? "";
      if (action === "confirm" || action === "no_tag") return [{ digest, action }];
      const tag = v[`tag-${i}`] as Tag;
      return action === "tag" && TAGS.includes(tag) ? [{ digest, action, tag }] : [];
    });
  if (decisions.length === 0) redirect(back(caseId, ref, "nothing"));
  let outcome = "saved";
  try {
    await (await getServerApi()).review.review({ caseId, ref, version: v.version ?? "", decisions });
  } catch (e) {
    outcome = outcomeOf(e);
  }
  redirect(back(caseId, ref, outcome));
}

export async function confirmAllAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  const caseId = v.caseId ?? "";
  const ref = v.ref ?? "";
  let outcome = "confirmed";
  try {
    await (await getServerApi()).review.confirmAll({ caseId, ref, version: v.version ?? "" });
  } catch (e) {
    outcome = outcomeOf(e);
  }
  redirect(back(caseId, ref, outcome));
}
