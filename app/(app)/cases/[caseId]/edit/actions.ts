"use server";

import { redirect } from "next/navigation";
import { formValues } from "~/app/_lib/form-data";
import type { FormState } from "~/components/ui/form-state";
import { formStateFromError } from "~/server/api/form-errors";
import { getServerApi } from "~/server/api/server-caller";
import type { Victim } from "~/server/domain/case/victim";

const text = (v: string | undefined) => ({ text: v ?? "", spans: [] });
const optional = (v: string | undefined) => (v && v.trim() !== "" ? v.trim() : undefined);

/** Day, month and year boxes to yyyy-mm-dd; blank stays blank; anything else is refused with a GOV.UK message. */
function dateFrom(v: Record<string, string>, id: string): { value?: string; error?: string } {
  const [d, m, y] = ["day", "month", "year"].map((p) => (v[`${id}-${p}`] ?? "").trim());
  if (!d && !m && !y) return {};
  const day = Number(d), month = Number(m), year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!Number.isInteger(day) || !Number.isInteger(month) || !/^\d{4}$/.test(y ?? "") || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return { error: "Date of birth must be a real date, like 27 3 1990" };
  }
  return { value: `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

export async function updateVictimAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const v = formValues(formData);
  const dob = dateFrom(v, "dateOfBirth");
  if (dob.error) return { status: "error", fieldErrors: { dateOfBirth: [dob.error] }, values: v };
  const caseId = v.caseId ?? "";
  // Unanswered or unknown choices arrive as strings the schema checks; its messages are plain English.
  const victim = {
    name: v.name ?? "",
    aliases: (v.aliases ?? "").split("\n").map((a) => a.trim()).filter(Boolean),
    dateOfBirth: dob.value,
    gender: v.gender,
    address: optional(v.address),
    phone: optional(v.phone),
    phoneSafeToCall: v.phoneSafeToCall,
    safeContactNotes: text(v.safeContactNotes),
    email: optional(v.email),
    firstLanguage: optional(v.firstLanguage),
    interpreterNeeded: v.interpreterNeeded,
    ethnicity: optional(v.ethnicity),
    disability: { disabled: v["disability-disabled"], details: text(v["disability-details"]) },
    lgbtPlus: { identifiesAsLgbtPlus: v["lgbtPlus-identifiesAsLgbtPlus"], details: text(v["lgbtPlus-details"]) },
    pregnantOrBabyUnder18Months: v.pregnantOrBabyUnder18Months,
    nationality: optional(v.nationality),
    immigrationStatus: v.immigrationStatus,
    noRecourseToPublicFunds: v.noRecourseToPublicFunds,
    immigrationNeeds: text(v.immigrationNeeds),
    afraidOf: text(v.afraidOf),
    safeToTalkTo: text(v.safeToTalkTo),
    notSafeToTalkTo: text(v.notSafeToTalkTo),
  } as unknown as Victim;
  try {
    await (await getServerApi()).cases.updateVictim({ caseId, version: Number(v.version), victim });
  } catch (e) {
    return formStateFromError(e, v, "victim");
  }
  redirect(`/cases/${caseId}?saved=victim`);
}
