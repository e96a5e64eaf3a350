"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from "~/server/domain/meeting/actions";
import { updateStatusAction } from "./actions";

export function StatusForm({ actionId, version, status, back }: { actionId: number; version: number; status: string; back: string }) {
  const [state, action] = useActionState(updateStatusAction, IDLE);
  const id = `status-${actionId}`;
  return (
    <form action={action} noValidate className="mt-2">
      <ErrorSummary errors={summaryErrors([id], state.fieldErrors?.status ? { [id]: state.fieldErrors.status } : undefined, state.message)} />
      <input type="hidden" name="actionId" value={actionId} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <input type="hidden" name="back" value={back} />
      <Select id={id} name="status" label="Status" defaultValue={state.values?.status ?? status} options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} />
      <Textarea id={`note-${actionId}`} name="note" label="Note" rows={2} defaultValue={state.values?.note} />
      <Button variant="secondary">Update action</Button>
    </form>
  );
}
