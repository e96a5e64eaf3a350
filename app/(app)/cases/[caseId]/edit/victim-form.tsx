"use client";

import { useActionState } from "react";
import { RestrictedBadge } from "~/components/case/restricted";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, DateInput, Radios, Select, Textarea, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { IMMIGRATION_STATUS_LABELS, IMMIGRATION_STATUSES } from "~/server/domain/case/victim";
import { updateVictimAction } from "./actions";

/** The victim's details as stored (the editor holds the whole case). Texts are plain strings here. */
export type VictimDefaults = Record<string, string>;

const YNU = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unknown", label: "Not known" },
];
const GENDER = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "not_known", label: "Not known" },
];
const FIELDS = [
  "name", "aliases", "dateOfBirth", "gender", "address", "phone", "phoneSafeToCall", "safeContactNotes", "email", "firstLanguage",
  "interpreterNeeded", "ethnicity", "disability-disabled", "disability-details", "lgbtPlus-identifiesAsLgbtPlus", "lgbtPlus-details",
  "pregnantOrBabyUnder18Months", "nationality", "immigrationStatus", "noRecourseToPublicFunds", "immigrationNeeds", "afraidOf",
  "safeToTalkTo", "notSafeToTalkTo",
] as const;

const badge = (...tags: Parameters<typeof RestrictedBadge>[0]["tags"]) => <RestrictedBadge tags={tags} />;

export function VictimForm({ caseId, version, defaults }: { caseId: string; version: number; defaults: VictimDefaults }) {
  const [state, action] = useActionState(updateVictimAction, IDLE);
  const v = { ...defaults, ...(state.values ?? {}) };
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  const date = state.values ? `${v["dateOfBirth-year"] ?? ""}-${v["dateOfBirth-month"] ?? ""}-${v["dateOfBirth-day"] ?? ""}` : defaults.dateOfBirth;
  return (
    <form action={action} noValidate key={JSON.stringify(state.values ?? {}) + String(state.version ?? "")}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <h2>Identity</h2>
      <TextInput id="name" label="Full name" defaultValue={v.name} error={err("name")} />
      <Textarea id="aliases" label="Other names" hint="One on each line." rows={2} defaultValue={v.aliases} error={err("aliases")} />
      <DateInput id="dateOfBirth" label="Date of birth" hint="For example, 27 3 1990" defaultValue={date} error={err("dateOfBirth")} />
      <Radios id="gender" label="Gender" inline options={GENDER} defaultValue={v.gender} error={err("gender")} />

      <h2>Safe contact</h2>
      <TextInput id="address" label="Address" badge={badge("safe_contact")} defaultValue={v.address} error={err("address")} />
      <TextInput id="phone" label="Phone" badge={badge("safe_contact")} defaultValue={v.phone} error={err("phone")} />
      <Radios id="phoneSafeToCall" label="Is it safe to call this phone?" inline options={YNU} badge={badge("safe_contact")} defaultValue={v.phoneSafeToCall} error={err("phoneSafeToCall")} />
      <Textarea id="safeContactNotes" label="Safe times to call and other contact notes" badge={badge("safe_contact")} defaultValue={v.safeContactNotes} error={err("safeContactNotes")} />
      <TextInput id="email" label="Email" type="email" badge={badge("safe_contact")} defaultValue={v.email} error={err("email")} />
      <Textarea id="safeToTalkTo" label="Who is safe to talk to" badge={badge("safe_contact")} rows={2} defaultValue={v.safeToTalkTo} error={err("safeToTalkTo")} />
      <Textarea id="notSafeToTalkTo" label="Who is not safe to talk to" rows={2} defaultValue={v.notSafeToTalkTo} error={err("notSafeToTalkTo")} />
      <Textarea id="afraidOf" label="Who the victim is afraid of" rows={2} defaultValue={v.afraidOf} error={err("afraidOf")} />

      <h2>Communication and diversity</h2>
      <TextInput id="firstLanguage" label="First language" defaultValue={v.firstLanguage} error={err("firstLanguage")} />
      <Radios id="interpreterNeeded" label="Is an interpreter needed?" inline options={YNU} defaultValue={v.interpreterNeeded} error={err("interpreterNeeded")} />
      <TextInput id="ethnicity" label="Ethnicity" hint="The census group, for example “White: Irish”, “Black or Black British: Caribbean” or “Asian or Asian British: Pakistani”." defaultValue={v.ethnicity} error={err("ethnicity")} />
      <Radios id="disability-disabled" label="Is the victim disabled?" inline options={YNU} badge={badge("health")} defaultValue={v["disability-disabled"]} error={err("disability-disabled")} />
      <Textarea id="disability-details" label="Disability details" badge={badge("health")} rows={2} defaultValue={v["disability-details"]} error={err("disability-details")} />
      <Radios id="lgbtPlus-identifiesAsLgbtPlus" label="Does the victim identify as LGBT+?" inline options={YNU} badge={badge("sexuality")} defaultValue={v["lgbtPlus-identifiesAsLgbtPlus"]} error={err("lgbtPlus-identifiesAsLgbtPlus")} />
      <Textarea id="lgbtPlus-details" label="Sexual orientation or gender identity details" badge={badge("sexuality")} rows={2} defaultValue={v["lgbtPlus-details"]} error={err("lgbtPlus-details")} />
      <Radios id="pregnantOrBabyUnder18Months" label="Is the victim pregnant or do they have a baby under 18 months?" inline options={YNU} badge={badge("health")} defaultValue={v.pregnantOrBabyUnder18Months} error={err("pregnantOrBabyUnder18Months")} />

      <h2>Immigration</h2>
      <p className="mb-6 max-w-2xl border-l-4 border-brand bg-panel p-4">
        Record immigration information only if it is relevant to the victim&apos;s safety. Do not ask about or check anyone&apos;s immigration status
        only to fill this in (NPCC guidance). &ldquo;Not known&rdquo; is always an acceptable answer. None of this is shared with Immigration Enforcement.
      </p>
      <TextInput id="nationality" label="Nationality" badge={badge("immigration")} defaultValue={v.nationality} error={err("nationality")} />
      <Select id="immigrationStatus" label="Immigration status" badge={badge("immigration")} hint="Leave as not known unless the victim has told you and it matters for her safety." defaultValue={v.immigrationStatus ?? "unknown"} options={IMMIGRATION_STATUSES.map((s) => ({ value: s, label: IMMIGRATION_STATUS_LABELS[s] }))} error={err("immigrationStatus")} />
      <Radios id="noRecourseToPublicFunds" label="Does the victim have no recourse to public funds?" inline options={YNU} badge={badge("immigration")} defaultValue={v.noRecourseToPublicFunds} error={err("noRecourseToPublicFunds")} />
      <Textarea id="immigrationNeeds" label="Immigration-related safeguarding needs" badge={badge("immigration")} hint="For example: needs specialist immigration advice; the perpetrator threatens her status." defaultValue={v.immigrationNeeds} error={err("immigrationNeeds")} />
      <Button>Save victim details</Button>
    </form>
  );
}
