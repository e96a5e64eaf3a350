"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { addFlagAction, withdrawFlagAction } from "./flag-actions";

export function AddFlagForm({ caseId, factors }: { caseId: string; factors: { value: string; label: string }[] }) {
  const [state, action] = useActionState(addFlagAction, IDLE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(["factorId", "note"], state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <Select id="factorId" label="Risk factor" options={factors} defaultValue={state.values?.factorId} error={state.fieldErrors?.factorId?.[0]} />
      <Textarea
        id="note"
        label="Note (required)"
        hint="What you know of this risk, and how you know it. Agencies that can see the flag read this note."
        rows={5}
        defaultValue={state.values?.note}
        error={state.fieldErrors?.note?.[0]}
      />
      <Button>Add flag</Button>
    </form>
  );
}

export function WithdrawFlagForm({ caseId, flagId, label }: { caseId: string; flagId: number; label: string }) {
  const [state, action] = useActionState(withdrawFlagAction, IDLE);
  const id = `withdraw-${flagId}`;
  return (
    <form action={action} noValidate className="mt-2">
      <ErrorSummary errors={summaryErrors([id], state.fieldErrors?.reason ? { [id]: state.fieldErrors.reason } : undefined, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="flagId" value={flagId} />
      <Textarea id={id} name="reason" rows={2} label={`Why withdraw the flag "${label}"?`} defaultValue={state.values?.reason} error={state.fieldErrors?.reason?.[0]} />
      <Button variant="secondary">Withdraw flag</Button>
    </form>
  );
}
