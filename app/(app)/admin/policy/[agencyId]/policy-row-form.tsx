"use client";

import { useActionState, useState } from "react";
import { ErrorSummary, summaryErrors } from "~/components/ui/error-summary";
import { Button } from "~/components/ui/fields";
import { IDLE } from "~/components/ui/form-state";
import { proposePolicyAction } from "../actions";

const upper = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

type Category = { tag: string; label: string; shared: boolean; typeDefault: boolean };

/**
 * The admin's proposal for one agency: a row of its own (the categories ticked) or its type's
 * default, with the change against the version in force worked out as they choose.
 */
export function PolicyRowForm({ agency, categories, version }: { agency: { id: string; name: string; typeLabel: string; source: "agency_row" | "type_default" }; categories: Category[]; version: number }) {
  const [state, action, pending] = useActionState(proposePolicyAction, IDLE);
  const [row, setRow] = useState<"own" | "default">(state.values?.row === "default" ? "default" : state.values?.row === "own" ? "own" : agency.source === "agency_row" ? "own" : "default");
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(state.values?.allow !== undefined ? state.values.allow.split(",").filter(Boolean) : categories.filter((c) => c.shared).map((c) => c.tag)));
  const after = (c: Category) => (row === "default" ? c.typeDefault : ticked.has(c.tag));
  const diff = categories.filter((c) => after(c) !== c.shared);
  const error = state.fieldErrors?.allow?.[0];
  return (
    <form action={action} aria-busy={pending} noValidate>
      <ErrorSummary errors={summaryErrors(["allow"], state.fieldErrors, state.fieldErrors?.allow ? undefined : state.message)} />
      <input type="hidden" name="agencyId" value={agency.id} />
      <fieldset className="mb-6">
        <legend className="mb-2 text-lg font-bold">How should {agency.name} be shared?</legend>
        {(["default", "own"] as const).map((value) => (
          <label key={value} className="mb-2 flex items-center gap-2 text-lg">
            <input id={value === "default" ? "row" : "row-own"} type="radio" name="row" value={value} checked={row === value} onChange={() => setRow(value)} className="size-7 shrink-0 accent-ink" />
            {value === "default" ? `Follow the default for ${agency.typeLabel.toLowerCase()} agencies` : "A row of its own: the categories ticked below"}
          </label>
        ))}
      </fieldset>
      <fieldset className={error ? "mb-6 border-l-4 border-error pl-4" : "mb-6"} disabled={row === "default"} aria-describedby="allow-hint">
        <legend className="mb-1 text-lg font-bold">Categories {agency.name} is shared</legend>
        <div id="allow-hint" className="mb-2 text-secondary">Only used for a row of its own. A category that breaks a hard rule is refused.</div>
        {error ? (
          <p id="allow-error" className="mb-2 font-bold text-error">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
        {categories.map((c, i) => (
          <label key={c.tag} className="mb-2 flex items-center gap-2 text-lg">
            <input
              id={i === 0 ? "allow" : `allow-${c.tag}`}
              type="checkbox"
              name="allow"
              value={c.tag}
              checked={ticked.has(c.tag)}
              onChange={(e) => setTicked((s) => { const n = new Set(s); if (e.target.checked) n.add(c.tag); else n.delete(c.tag); return n; })}
              className="size-6 shrink-0 accent-ink"
            />
            {upper(c.label)}
          </label>
        ))}
      </fieldset>
      <section aria-labelledby="diff-title" aria-live="polite" className="mb-6 border-l-4 border-border bg-panel p-4">
        <h2 id="diff-title" className="text-xl">Change against version {version}, in force now</h2>
        {diff.length === 0 ? (
          <p className="mb-0">No category changes.</p>
        ) : (
          <ul className="mb-0 list-disc pl-6">
            {diff.map((c) => (
              <li key={c.tag}>
                {upper(c.label)} information: {c.shared ? "shared now; would no longer be shared" : "not shared now; would be shared"}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="mb-4">A chair must approve this before it takes effect. Approval starts version {version + 1}.</p>
      <Button>Propose this change</Button>
    </form>
  );
}
