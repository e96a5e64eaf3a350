"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, TextInput, YesNo } from "~/components/ui/fields";
import { IDLE, type FormState } from "~/components/ui/form-state";
import { AGENCY_TYPE_LABELS, AGENCY_TYPES } from "~/server/domain/agency-types";

type Agency = { id: string; version: number; name: string; type: string; isMaracMember: boolean; active: boolean };
const FIELDS = ["name", "type", "isMaracMember", "active"] as const;
const yn = (v: string | undefined, fallback: boolean | undefined) => (v === "yes" ? true : v === "no" ? false : fallback);

export function AgencyForm({ action, agency, submitLabel }: { action: (s: FormState, f: FormData) => Promise<FormState>; agency?: Agency; submitLabel: string }) {
  const [state, formAction] = useActionState(action, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  return (
    // The key re-mounts the fields after an error, so they show what was submitted.
    <form action={formAction} noValidate key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      {agency ? (
        <>
          <input type="hidden" name="id" value={agency.id} />
          <input type="hidden" name="version" value={agency.version} />
        </>
      ) : null}
      <TextInput id="name" label="Agency name" defaultValue={v?.name ?? agency?.name} error={err("name")} />
      <Select
        id="type"
        label="Type of agency"
        hint="The type decides what this agency may see by default (the MARAC sharing policy). Changing it needs a chair's approval; Immigration Enforcement keeps its type for ever."
        defaultValue={v?.type ?? agency?.type}
        options={AGENCY_TYPES.map((t) => ({ value: t, label: AGENCY_TYPE_LABELS[t] }))}
        error={err("type")}
      />
      <YesNo
        id="isMaracMember"
        label="Is this agency a MARAC member?"
        hint="Member agencies can be invited to meetings. Changing this needs a chair's approval. Immigration Enforcement is never a member: it does not attend MARAC."
        defaultValue={yn(v?.isMaracMember, agency?.isMaracMember)}
        error={err("isMaracMember")}
      />
      <YesNo
        id="active"
        label="Is this agency active?"
        hint="Users of an inactive agency cannot sign in."
        defaultValue={yn(v?.active, agency?.active ?? true)}
        error={err("active")}
      />
      <Button>{submitLabel}</Button>
    </form>
  );
}
