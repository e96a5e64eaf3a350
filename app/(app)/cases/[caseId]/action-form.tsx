"use client";

import { useActionState } from "react";
import { Checkboxes } from "~/components/ui/checkboxes";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, DateInput, Select, Textarea, TextInput } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { TAG_LABELS, TAGS } from "~/server/domain/tags";
import { createActionAction } from "../../actions/actions";

type Option = { value: string; label: string };
const FIELDS = ["meetingId", "description", "tags", "owningAgencyId", "ownerName", "dueDate"] as const;

/**
 * For chairs and coordinators: record an action agreed at a meeting for this case. On the run
 * screen the meeting is fixed (`meeting`) and the form returns to `back`.
 */
export function ActionForm({ caseId, meetings, agencies, meeting, back }: { caseId: string; meetings: Option[]; agencies: Option[]; meeting?: Option; back?: string }) {
  const [state, action] = useActionState(createActionAction, IDLE);
  const v = state.values;
  const err = (f: (typeof FIELDS)[number]) => state.fieldErrors?.[f]?.[0];
  return (
    <form action={action} noValidate className="mt-4 border-l-4 border-border pl-4" key={JSON.stringify(v ?? {})}>
      <ErrorSummary errors={summaryErrors(FIELDS, state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      {back ? <input type="hidden" name="back" value={back} /> : null}
      <h3>Record an action</h3>
      {meeting ? (
        <input type="hidden" name="meetingId" value={meeting.value} />
      ) : (
        <Select id="meetingId" label="Agreed at" options={meetings} defaultValue={v?.meetingId ?? meetings[0]?.value} error={err("meetingId")} />
      )}
      <Textarea
        id="description"
        label="Action"
        hint="The agency that owns the action reads it as you write it. Other agencies read it once a case holder has reviewed it."
        rows={2}
        defaultValue={v?.description}
        error={err("description")}
      />
      <Checkboxes
        id="tags"
        name="tags"
        label="Restricted categories this action touches"
        hint="Only agencies that may see these see the action. Sentences are also checked automatically."
        options={TAGS.map((t) => ({ value: t, label: `${TAG_LABELS[t][0]?.toUpperCase() ?? ""}${TAG_LABELS[t].slice(1)}` }))}
        checked={[]}
        error={err("tags")}
      />
      <Select id="owningAgencyId" label="Agency that owns it" options={agencies} defaultValue={v?.owningAgencyId} error={err("owningAgencyId")} />
      <TextInput id="ownerName" label="Owner's name" defaultValue={v?.ownerName} error={err("ownerName")} />
      <DateInput id="dueDate" label="Due by" defaultValue={v ? `${v["dueDate-year"] ?? ""}-${v["dueDate-month"] ?? ""}-${v["dueDate-day"] ?? ""}` : undefined} error={err("dueDate")} />
      <Button variant="secondary">Add action</Button>
    </form>
  );
}
