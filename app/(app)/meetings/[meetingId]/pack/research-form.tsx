"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { saveResearchAction } from "../../actions";

/** The agency's research on one case: what it holds that is relevant, and what it holds but will not share. */
export function ResearchForm({ meetingId, caseId, version, shared, withheld, index, late }: { meetingId: string; caseId: string; version: number | null; shared: string; withheld: string; index: number; late: boolean }) {
  const [state, action] = useActionState(saveResearchAction, IDLE);
  const ids = { shared: `research-${index}-shared`, withheld: `research-${index}-withheld` };
  return (
    <form action={action} noValidate className="mt-4 bg-panel p-4">
      <ErrorSummary errors={summaryErrors([ids.shared, ids.withheld], state.fieldErrors ? { [ids.shared]: state.fieldErrors.shared, [ids.withheld]: state.fieldErrors.withheld } : undefined, state.message)} />
      <input type="hidden" name="meetingId" value={meetingId} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={state.version ?? version ?? ""} />
      {late ? <p className="mb-4 font-bold">Your research on this case was sent after the deadline and is marked late.</p> : null}
      <Textarea
        id={ids.shared}
        name="shared"
        label="Your agency's research: what you hold that is relevant and proportionate"
        hint="Keep fact and opinion apart. Other agencies see this only as their sharing policy allows; restricted sentences are tagged automatically."
        rows={5}
        defaultValue={state.values?.shared ?? shared}
      />
      <Textarea id={ids.withheld} name="withheld" label="What you hold but are not sharing, and why" hint="Seen only by your agency and the chair and coordinator." rows={3} defaultValue={state.values?.withheld ?? withheld} />
      <Button variant="secondary">Save research</Button>
    </form>
  );
}
