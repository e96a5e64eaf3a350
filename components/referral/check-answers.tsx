import Link from "next/link";
import type { ReactNode } from "react";
import { formatValue } from "~/components/case/labels";
import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import { FIELD_LABELS } from "~/server/domain/case/labels";
import {
  CONSENT_FIELDS, countId, CRITERIA_FIELDS, dateFrom, fieldId, type FieldSpec, HOUSEHOLD_FIELDS, PERPETRATOR_FIELDS, REFERRING_FIELDS, valuesFromDraft,
  type Values, VICTIM_FIELDS, VIEWS_FIELDS,
} from "./form-model";
import { CriteriaPanel, type CriteriaSummary } from "./step-fields";
import type { FormStep } from "./steps";
import { TableScroll } from "~/components/ui/table-scroll";

type Row = { label: string; value: ReactNode };

function display(v: Values, prefix: string, [path, kind]: FieldSpec): ReactNode {
  const id = fieldId(prefix, path);
  if (kind === "date") {
    const d = dateFrom(v, id);
    if (d.value) return formatValue(d.value);
    if (d.error) return `${[v[`${id}-day`], v[`${id}-month`], v[`${id}-year`]].join("/")} (not a real date)`;
    return "Not given";
  }
  if (kind === "check") return v[id] === "yes" ? "Yes" : "No";
  const raw = v[id] ?? "";
  if (kind === "tagged" || kind === "lines") return raw.trim() === "" ? "Not given" : <span className="whitespace-pre-wrap">{raw}</span>;
  return formatValue(raw);
}

function rows(v: Values, prefix: string, labelKey: string, spec: readonly FieldSpec[]): Row[] {
  return spec.map((s) => ({ label: FIELD_LABELS[`${labelKey}.${s[0]}`] ?? s[0], value: display(v, prefix, s) }));
}

function SummaryList({ items }: { items: Row[] }) {
  return (
    <dl className="mb-6">
      {items.map((r, i) => (
        <div key={`${r.label}-${i}`} className="grid grid-cols-1 gap-1 border-b border-border py-2 sm:grid-cols-3">
          <dt className="font-bold">{r.label}</dt>
          <dd className="sm:col-span-2">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A GOV.UK summary card: the section's title and a "Change" link to its page. */
function Card({ title, href, id, children }: { title: string; href: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mb-10 border border-border">
      <div className="flex items-baseline justify-between gap-4 bg-panel px-4 py-3">
        <h2 id={id} className="mb-0 text-xl">
          {title}
        </h2>
        <Link href={href}>
          Change<span className="sr-only"> {title.toLowerCase()}</span>
        </Link>
      </div>
      <div className="px-4 pt-2">{children}</div>
    </section>
  );
}

/** Check your answers: every page's answers as saved in the draft, with the score and the criteria. */
export function CheckAnswers({ draftId, content, score, threshold, criteria }: { draftId: string; content: Record<string, unknown>; score: number; threshold: number; criteria: CriteriaSummary }) {
  const href = (step: FormStep) => `/referrals/${draftId}/${step}`;
  const victim = valuesFromDraft("victim", content);
  const perps = valuesFromDraft("perpetrators", content);
  const household = valuesFromDraft("household", content);
  const dash = valuesFromDraft("dash", content);
  const crit = valuesFromDraft("criteria", content);
  const consent = valuesFromDraft("consent", content);
  const narrative = valuesFromDraft("narrative", content);
  const perpCount = Number(perps[countId("perpetrators")] ?? "0") || 0;
  const householdCount = Number(household[countId("householdMembers")] ?? "0") || 0;
  const answer = (id: string) => {
    const a = dash[`dash-answers-${id}-answer`];
    return a ? formatValue(a) : "Not answered";
  };
  return (
    <>
      <Card title="The victim" href={href("victim")} id="check-victim">
        <SummaryList items={rows(victim, "victim", "victim", VICTIM_FIELDS)} />
      </Card>
      <Card title="Perpetrators" href={href("perpetrators")} id="check-perpetrators">
        {Array.from({ length: perpCount }, (_, i) => (
          <div key={i}>
            <h3>Perpetrator {i + 1}</h3>
            <SummaryList items={rows(perps, `perpetrators-${i}`, "perpetrators", PERPETRATOR_FIELDS)} />
          </div>
        ))}
      </Card>
      <Card title="Children and household" href={href("household")} id="check-household">
        {householdCount === 0 ? <p className="mb-6">No children or household members added.</p> : null}
        {Array.from({ length: householdCount }, (_, i) => (
          <div key={i}>
            <h3>Household member {i + 1}</h3>
            <SummaryList items={rows(household, `householdMembers-${i}`, "householdMembers", HOUSEHOLD_FIELDS)} />
          </div>
        ))}
      </Card>
      <Card title="Dash risk checklist" href={href("dash")} id="check-dash">
        <p className="mb-4 text-lg font-bold">
          Score: {score} of {DASH_QUESTIONS.length} &lsquo;yes&rsquo;. This MARAC&apos;s threshold is {threshold}.
        </p>
        <TableScroll label="Dash answers"><table className="mb-6 w-full border-collapse text-left">
          <caption className="sr-only">Dash answers</caption>
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className="py-2 pr-3">Question</th>
              <th scope="col" className="py-2 pr-3">Answer</th>
              <th scope="col" className="py-2 pr-3">Comment and source</th>
            </tr>
          </thead>
          <tbody>
            {DASH_QUESTIONS.map((q, n) => {
              const comment = dash[`dash-answers-${q.id}-comment`] ?? "";
              const source = dash[`dash-answers-${q.id}-sourceIfNotVictim`] ?? "";
              return (
                <tr key={q.id} className="border-b border-border align-top">
                  <td className="py-2 pr-3">
                    {n + 1}. {q.text}
                  </td>
                  <td className="py-2 pr-3">{answer(q.id)}</td>
                  <td className="py-2 pr-3">
                    {comment}
                    {source ? <span className="block text-secondary">Source: {source}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table></TableScroll>
        <SummaryList items={[{ label: FIELD_LABELS["dash.additionalConsiderations"] ?? "Additional considerations", value: display(dash, "dash", ["additionalConsiderations", "tagged"]) }]} />
      </Card>
      <Card title="Referral criteria" href={href("criteria")} id="check-criteria">
        <SummaryList items={rows(crit, "criteria", "criteria", CRITERIA_FIELDS)} />
        <CriteriaPanel summary={criteria} />
      </Card>
      <Card title="Consent and the victim's views" href={href("consent")} id="check-consent">
        <SummaryList items={[...rows(consent, "consent", "consent", CONSENT_FIELDS), ...rows(consent, "victimViews", "victimViews", VIEWS_FIELDS)]} />
      </Card>
      <Card title="What has happened" href={href("narrative")} id="check-narrative">
        <SummaryList items={[{ label: "Narrative", value: display(narrative, "", ["narrative", "tagged"]) }, ...rows(narrative, "referring", "referring", REFERRING_FIELDS)]} />
      </Card>
    </>
  );
}
