import { DateInput, Select, Textarea, TextInput } from "~/components/ui/fields";
import type { FormState } from "~/components/ui/form-state";
import { TAG_LABELS, TAGS } from "~/server/domain/tags";

/** The fields every override has: what, the MARAC's reference, the reason and the end date. */
export function CommonOverrideFields({ state, defaultEndDate, latestEndDate, reasonLabel, reasonHint, tags = TAGS }: {
  state: FormState;
  defaultEndDate: string;
  latestEndDate: string;
  reasonLabel: string;
  reasonHint: string;
  tags?: readonly (typeof TAGS)[number][];
}) {
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  return (
    <>
      <Select id="tag" label="Which kind of information?" hint="One kind of information per override." defaultValue={state.values?.tag} error={err("tag")} options={tags.map((t) => ({ value: t, label: `${TAG_LABELS[t][0]?.toUpperCase()}${TAG_LABELS[t].slice(1)} information` }))} />
      <TextInput id="decisionRef" label="MARAC meeting or decision reference" hint="For example: MARAC 26/11/2026 item 3." defaultValue={state.values?.decisionRef} error={err("decisionRef")} />
      <Textarea id="reason" label={reasonLabel} hint={reasonHint} defaultValue={state.values?.reason} error={err("reason")} />
      <DateInput id="endDate" label="End date" hint={`It stops by itself after this day. 90 days from today unless you change it; ${latestEndDate} at the latest.`} defaultValue={state.values?.endDate ?? defaultEndDate} error={err("endDate")} />
    </>
  );
}
