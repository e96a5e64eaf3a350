"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { declineAction } from "../../actions";

export function DeclineForm({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const [state, action] = useActionState(declineAction, IDLE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(["reason"], state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <Textarea id="reason" label="Why is this referral being declined?" hint="The referring agency will see this. Say what they should do instead, if anything." defaultValue={state.values?.reason} error={state.fieldErrors?.reason?.[0]} />
      <Button variant="warning">Decline referral</Button>
    </form>
  );
}
