"use client";

import { useActionState } from "react";
import { Checkboxes } from "~/components/ui/checkboxes";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button, Radios, Select, Textarea } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { Checkbox } from "~/components/ui/more-fields";
import { recordIeOverrideAction } from "~/app/(app)/overrides/actions";
import { IE_ADDITIONAL_ITEMS, IE_BASIC_ITEMS, IE_ITEMS, ITEM_VIEW_TEXT, ITEM_VIEWS } from "~/server/domain/policy/overrides";
import { TAGS } from "~/server/domain/tags";
import { CommonOverrideFields } from "../override-fields";

const ORDER = [
  "thirdPartyConsidered",
  "agencyId",
  "tag",
  "decisionRef",
  "reason",
  "safetyConfirmed",
  "items",
  ...IE_ADDITIONAL_ITEMS.flatMap((i) => [`view_${i}`, `viewNote_${i}`, `proportionality_${i}`]),
  "endDate",
];

/**
 * Sharing with Immigration Enforcement, in the seed's tiers: basic items ticked already; each
 * additional item asks for her view (or why it could not be obtained) and why sharing is proportionate.
 */
export function IeOverrideForm({ caseId, caseNumber, agencies, defaultEndDate, latestEndDate }: {
  caseId: string;
  caseNumber: string;
  agencies: readonly { value: string; label: string }[];
  defaultEndDate: string;
  latestEndDate: string;
}) {
  const [state, action] = useActionState(recordIeOverrideAction, IDLE);
  const err = (k: string) => state.fieldErrors?.[k]?.[0];
  const ticked = state.values?.items !== undefined ? state.values.items.split(",") : IE_BASIC_ITEMS;
  return (
    <form action={action} noValidate>
      <ErrorSummary errors={summaryErrors(ORDER, state.fieldErrors, state.message)} />
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="caseNumber" value={caseNumber} />
      <Checkbox
        id="thirdPartyConsidered"
        legend="The independent route"
        label="The MARAC considered referral to an independent third party (such as an immigration advice service) and it does not meet her safety need"
        defaultChecked={state.values?.thirdPartyConsidered === "yes"}
        error={err("thirdPartyConsidered")}
      />
      {agencies.length === 1 ? (
        <input type="hidden" name="agencyId" value={agencies[0]?.value} />
      ) : (
        <Select id="agencyId" label="Which Immigration Enforcement office?" defaultValue={state.values?.agencyId} error={err("agencyId")} options={agencies} />
      )}
      <CommonOverrideFields
        state={state}
        defaultEndDate={defaultEndDate}
        latestEndDate={latestEndDate}
        tags={TAGS}
        reasonLabel="How does sharing this directly improve the victim's safety?"
        reasonHint="The MARAC's reason, in terms of her safety. Case holders read this; the IDVA reads it to the victim."
      />
      <Checkbox
        id="safetyConfirmed"
        legend="The MARAC's decision"
        label="The MARAC decided that this sharing directly improves the victim's safety"
        defaultChecked={state.values?.safetyConfirmed === "yes"}
        error={err("safetyConfirmed")}
      />
      <Checkboxes
        id="items"
        name="items"
        label="What does the decision cover?"
        hint="Basic information is ticked already. Add additional information only where the MARAC decided it is needed; each needs her view and a note on proportionality below."
        error={err("items")}
        options={[...IE_BASIC_ITEMS, ...IE_ADDITIONAL_ITEMS].map((i) => ({ value: i, label: `${IE_ITEMS[i].label} (${IE_ITEMS[i].tier})` }))}
        checked={ticked}
      />
      {IE_ADDITIONAL_ITEMS.map((item) => (
        <fieldset key={item} className="mb-6 border-l-4 border-border pl-4">
          <legend className="mb-2 text-xl font-bold">Additional: {IE_ITEMS[item].label}</legend>
          <p className="mb-4 text-secondary">Only if you ticked it above. Her views are recorded and weighed, but they do not decide on their own.</p>
          <Radios
            id={`view_${item}`}
            label="Her view on sharing it"
            defaultValue={state.values?.[`view_${item}`]}
            error={err(`view_${item}`)}
            options={ITEM_VIEWS.map((v) => ({ value: v, label: `${ITEM_VIEW_TEXT[v][0]?.toUpperCase()}${ITEM_VIEW_TEXT[v].slice(1)}` }))}
          />
          <Textarea id={`viewNote_${item}`} label="Her words, or why her view could not be obtained" rows={2} defaultValue={state.values?.[`viewNote_${item}`]} error={err(`viewNote_${item}`)} />
          <Textarea id={`proportionality_${item}`} label="Why is sharing it proportionate?" rows={2} defaultValue={state.values?.[`proportionality_${item}`]} error={err(`proportionality_${item}`)} />
        </fieldset>
      ))}
      <p className="mb-6 max-w-2xl">It takes effect only when both a MARAC chair and an IDVA have approved it; neither may be the person recording it.</p>
      <Button>Record the decision for approval</Button>
    </form>
  );
}
