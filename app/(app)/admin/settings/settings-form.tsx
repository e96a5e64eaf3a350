"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { updateSettingsAction } from "./actions";

type Settings = { version: number; name: string; caseNumberPrefix: string; dashThreshold: number; escalationIncidents: number; repeatWindowMonths: number; retentionMonths: number; adultFemalePopulation: number | null };
const FIELDS = ["name", "caseNumberPrefix", "dashThreshold", "escalationIncidents", "repeatWindowMonths", "retentionMonths", "adultFemalePopulation"] as const;

export function SettingsForm({ settings }: { settings: Settings }) {
  const [state, formAction] = useActionState(updateSettingsAction, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  const val = (f: (typeof FIELDS)[number]) => v?.[f] ?? String(settings[f] ?? "");
  return (
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      <input type="hidden" name="version" value={settings.version} />
      <TextInput id="name" label="MARAC name" defaultValue={val("name")} error={err("name")} />
      <TextInput id="caseNumberPrefix" label="Case number prefix" width="short" hint="Letters at the start of every case number: NS gives NS-2026-0042."
        defaultValue={val("caseNumberPrefix")} error={err("caseNumberPrefix")} />
      <TextInput id="dashThreshold" label="Dash threshold for visible high risk" width="short" inputMode="numeric"
        hint={`The number of “yes” answers out of 24 at which a referral meets the visible high risk criterion. SafeLives default: 14.`}
        defaultValue={val("dashThreshold")} error={err("dashThreshold")} />
      <TextInput id="escalationIncidents" label="Police-reported incidents for potential escalation" width="short" inputMode="numeric"
        hint="Incidents in the last 12 months at which a referral meets the potential escalation criterion. SafeLives default: 3."
        defaultValue={val("escalationIncidents")} error={err("escalationIncidents")} />
      <TextInput id="repeatWindowMonths" label="Repeat window, in months" width="short" inputMode="numeric"
        hint="A new referral within this many months of the victim's last MARAC referral is a repeat. SafeLives default: 12."
        defaultValue={val("repeatWindowMonths")} error={err("repeatWindowMonths")} />
      <TextInput id="retentionMonths" label="Record retention, in months" width="short" inputMode="numeric"
        hint="How long case records are kept, as set in your information-sharing protocol. There is no national period."
        defaultValue={val("retentionMonths")} error={err("retentionMonths")} />
      <TextInput id="adultFemalePopulation" label="Adult female population covered" width="short" inputMode="numeric"
        hint="Women and girls aged 16 and over in the MARAC's area, for cases per 10,000 in the SafeLives data return. Leave blank if not known."
        defaultValue={val("adultFemalePopulation")} error={err("adultFemalePopulation")} />
      <Button>Save settings</Button>
    </form>
  );
}
