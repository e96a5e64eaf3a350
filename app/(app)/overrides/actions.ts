"use server";

import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import { IE_ITEM_KEYS, IE_ITEMS, ITEM_VIEWS, type ItemView } from "~/server/domain/policy/overrides";
import type { Tag } from "~/server/domain/tags";

/** A refusal as a code the page turns into a fixed sentence (no server text travels in the address). */
function refusal(e: unknown): string {
  if (e instanceof TRPCError && ["FORBIDDEN", "CONFLICT", "BAD_REQUEST", "NOT_FOUND"].includes(e.code)) return e.code;
  throw e;
}

// The procedure's schema validates these and words the error; the cast only satisfies the compiler.
const tagOf = (v: string | undefined) => v as Tag;
const viewOf = (v: string | undefined): ItemView | undefined => ((ITEM_VIEWS as readonly string[]).includes(v ?? "") ? (v as ItemView) : undefined);

/** The end date's day, month and year boxes as YYYY-MM-DD (blank if any is missing, which the schema reports). */
function withEndDate(v: Record<string, string>): Record<string, string> {
  const [d, m, y] = ["day", "month", "year"].map((p) => (v[`endDate-${p}`] ?? "").trim());
  return { ...v, endDate: y && m && d ? `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}` : "" };
}

export async function recordOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = withEndDate(formValues(formData));
  try {
    await (await getServerApi()).overrides.record({ caseId: v.caseId ?? "", agencyId: v.agencyId ?? "", tag: tagOf(v.tag), reason: v.reason ?? "", decisionRef: v.decisionRef ?? "", endDate: v.endDate ?? "" });
  } catch (e) {
    return formStateFromError(e, v);
  }
  redirect(`/overrides?recorded=${encodeURIComponent(v.caseNumber ?? "")}`);
}

/** The Immigration Enforcement form: the items ticked, and for each additional one her view and the proportionality note. */
export async function recordIeOverrideAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = withEndDate(formValues(formData));
  const chosen = new Set(formData.getAll("items").map(String));
  const items = IE_ITEM_KEYS.filter((k) => chosen.has(k)).map((item) =>
    IE_ITEMS[item].tier === "basic" ? { item } : { item, view: viewOf(v[`view_${item}`]), viewNote: v[`viewNote_${item}`] ?? "", proportionality: v[`proportionality_${item}`] ?? "" },
  );
  try {
    await (await getServerApi()).overrides.record({
      caseId: v.caseId ?? "",
      agencyId: v.agencyId ?? "",
      tag: tagOf(v.tag),
      reason: v.reason ?? "",
      decisionRef: v.decisionRef ?? "",
      endDate: v.endDate ?? "",
      immigrationEnforcement: { thirdPartyConsidered: v.thirdPartyConsidered === "yes", safetyConfirmed: v.safetyConfirmed === "yes", items },
    });
  } catch (e) {
    return { ...formStateFromError(e, v), values: { ...v, items: [...chosen].join(",") } };
  }
  redirect(`/overrides?recorded=${encodeURIComponent(v.caseNumber ?? "")}`);
}

export async function approveOverrideAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  let outcome: string;
  try {
    outcome = (await (await getServerApi()).overrides.approve({ overrideId: v.overrideId ?? "" })).inEffect ? "approved=in_effect" : "approved=waiting";
  } catch (e) {
    outcome = `problem=${refusal(e)}`;
  }
  redirect(`/overrides?${outcome}#override-${v.overrideId ?? ""}`);
}

export async function revokeOverrideAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  let outcome = "revoked=1";
  try {
    await (await getServerApi()).overrides.revoke({ overrideId: v.overrideId ?? "", reason: v.reason ?? "" });
  } catch (e) {
    outcome = `problem=${refusal(e)}`;
  }
  redirect(`/overrides?${outcome}#override-${v.overrideId ?? ""}`);
}

export async function completeTaskAction(formData: FormData): Promise<void> {
  const v = formValues(formData);
  let outcome = "done=1";
  try {
    await (await getServerApi()).overrides.completeTask({ overrideId: v.overrideId ?? "", outcome: v.outcome as "told" | "not_safe", note: v.note ?? "" });
  } catch (e) {
    outcome = `problem=${refusal(e)}`;
  }
  redirect(`/tell-the-victim?${outcome}#task-${v.overrideId ?? ""}`);
}
