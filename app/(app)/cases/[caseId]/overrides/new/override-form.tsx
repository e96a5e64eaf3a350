"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { recordOverrideAction } from "~/app/(app)/overrides/actions";
import { CommonOverrideFields } from "../override-fields";

export function OverrideForm({ caseId, caseNumber, agencies, defaultEndDate, latestEndDate }: {
  caseId: string;
  caseNumber: string;
  agencies: readonly { value: string; label: string }[];
  defaultEndDate: string;
  latestEndDate: string;
}) {
  const [state, action] = useActionState(recordOverrideAction, IDLE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(["agencyId", "tag", "decisionRef", "reason", "endDate"], state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <Select id="agencyId" label="Share with which agency?" defaultValue={state.values?.agencyId} error={state.fieldErrors?.agencyId?.[0]} options={agencies} />
      <CommonOverrideFields
        state={state}
        defaultEndDate={defaultEndDate}
        latestEndDate={latestEndDate}
        reasonLabel="Why does this agency need it?"
        reasonHint="The purpose and the lawful basis. Case holders read this; the IDVA reads it to the victim when telling her what was shared."
      />
      <Button>Record the override for approval</Button>
    </form>
  );
}
