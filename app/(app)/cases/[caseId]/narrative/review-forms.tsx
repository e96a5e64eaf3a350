"use client";

import { useActionState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Select, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { TAG_LABELS, TAGS, type Tag } from "~/server/domain/tags";
import { removeSuggestionAction, saveNarrativeAction, tagSentenceAction } from "./actions";

type Ids = { caseId: string; version: number };

function Hidden({ caseId, version, extra = {} }: Ids & { extra?: Record<string, string | number> }) {
  return (
    <>
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      {Object.entries(extra).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
    </>
  );
}

export function NarrativeTextForm({ caseId, version, text }: Ids & { text: string }) {
  const [state, action] = useActionState(saveNarrativeAction, IDLE);
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(["text"], state.fieldErrors, state.message)} />
      <Hidden caseId={caseId} version={state.version ?? version} />
      <Textarea id="text" label="Narrative" hint="When you save, MARAC Desk checks every changed sentence again and tags those that reveal immigration status, safe contact details or health." rows={10} defaultValue={state.values?.text ?? text} error={state.fieldErrors?.text?.[0]} />
      <Button>Save narrative</Button>
    </form>
  );
}

export function TagSentenceForm({ caseId, version, start, end, index }: Ids & { start: number; end: number; index: number }) {
  const [state, action] = useActionState(tagSentenceAction, IDLE);
  const id = `tag-${index}`;
  return (
    <form action={action} noValidate className="mt-2">
      <ErrorSummary errors={summaryErrors([id], state.fieldErrors?.tag ? { [id]: state.fieldErrors.tag } : undefined, state.message)} />
      <Hidden caseId={caseId} version={version} extra={{ start, end }} />
      <Select id={id} name="tag" label={`Tag sentence ${index + 1} as restricted`} options={TAGS.map((t) => ({ value: t, label: `${TAG_LABELS[t][0]?.toUpperCase() ?? ""}${TAG_LABELS[t].slice(1)}` }))} error={state.fieldErrors?.tag?.[0]} />
      <Button variant="secondary">Add tag</Button>
    </form>
  );
}

export function RemoveSuggestionForm({ caseId, version, start, end, tag, index }: Ids & { start: number; end: number; tag: Tag; index: number }) {
  const [state, action] = useActionState(removeSuggestionAction, IDLE);
  const id = `reason-${index}-${tag}`;
  return (
    <form action={action} noValidate className="mt-2">
      <ErrorSummary errors={summaryErrors([id], state.fieldErrors?.reason ? { [id]: state.fieldErrors.reason } : undefined, state.message)} />
      <Hidden caseId={caseId} version={version} extra={{ start, end, tag }} />
      <Textarea id={id} name="reason" rows={2} label={`Why remove the ${TAG_LABELS[tag]} tag from sentence ${index + 1}?`} hint="Your reason is recorded. Removing a tag shares this sentence with more agencies." defaultValue={state.values?.reason} error={state.fieldErrors?.reason?.[0]} />
      <Button variant="warning">Remove {TAG_LABELS[tag]} tag</Button>
    </form>
  );
}
