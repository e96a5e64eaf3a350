import type { TCaseView } from "~/server/api/routers/cases";
import { DashTable } from "./dash-table";
import { FieldRows, FieldValue, type ShownTags } from "./field-rows";
import { isProjectedText, ProjectedText } from "./projected-text";
import { isWithheld, RestrictedBadge, WithheldNotice } from "./restricted";
import { ViewsByCategory, viewsByPath } from "./victim-views";
import type { Tag } from "~/server/domain/tags";

function asGroup(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

/** A section of the case; one holding free text shows the standing notice once, whatever its fields hold. */
function Section({ title, id, children, tags = [], notice = null }: { title: string; id: string; children: React.ReactNode; tags?: readonly Tag[]; notice?: string | null }) {
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="border-b-2 border-ink pb-2">
        {title}
        <RestrictedBadge tags={tags} />
      </h2>
      {children}
      {notice ? <p className="mb-8 text-sm text-secondary">{notice}</p> : null}
    </section>
  );
}

/** A case exactly as the projection let this viewer see it: nothing here is filtered in the browser. */
export function CaseView({ data, idPrefix = "" }: { data: TCaseView; idPrefix?: string }) {
  const shownTags: ShownTags = new Map(
    data.decisions.filter((d) => d.kind === "field" && d.outcome === "shown" && d.tags.length > 0).map((d) => [d.path, d.tags]),
  );
  // Her view beside each restricted field: the decisions carry it for case holders only.
  const views = viewsByPath(data.decisions);
  const v = data.view as unknown as Record<string, unknown>;
  const dash = asGroup(v.dash);
  const additional = dash.additionalConsiderations;
  const household = v.householdMembers;
  const perpetrators = Array.isArray(v.perpetrators) ? (v.perpetrators as unknown[]) : [];
  // The same for every text of one projection: the standing notice for an agency, null for full access.
  const notice = isProjectedText(v.narrative) ? v.narrative.notice : null;

  return (
    <>
      <Section title="Referral" id={`${idPrefix}referral`}>
        <FieldRows group={asGroup(v.referring)} path="referring" shownTags={shownTags} views={views} skip={["agencyId"]} />
      </Section>
      <Section title="Referral criteria" id={`${idPrefix}criteria`} notice={notice}>
        <FieldRows group={asGroup(v.criteria)} path="criteria" shownTags={shownTags} views={views} hideNotice />
      </Section>
      <Section title="Victim" id={`${idPrefix}victim`} notice={notice}>
        <FieldRows group={asGroup(v.victim)} path="victim" shownTags={shownTags} views={views} hideNotice />
      </Section>
      <Section title={perpetrators.length === 1 ? "Perpetrator" : "Perpetrators"} id={`${idPrefix}perpetrators`} notice={notice}>
        {perpetrators.map((p, i) => (
          <div key={i}>
            {perpetrators.length > 1 ? <h3>Perpetrator {i + 1}</h3> : null}
            <FieldRows group={asGroup(p)} path={`perpetrators[${i}]`} shownTags={shownTags} views={views} hideNotice />
          </div>
        ))}
      </Section>
      <Section title="Children and household" id={`${idPrefix}household`} tags={isWithheld(household) ? [] : (shownTags.get("householdMembers") ?? [])}>
        {isWithheld(household) ? (
          <p className="mb-8">
            <WithheldNotice value={household} />
          </p>
        ) : Array.isArray(household) && household.length > 0 ? (
          household.map((m, i) => (
            <div key={i}>
              <h3>Household member {i + 1}</h3>
              <FieldRows group={asGroup(m)} path={`householdMembers[${i}]`} shownTags={shownTags} views={views} />
            </div>
          ))
        ) : (
          <p className="mb-8">No household members recorded.</p>
        )}
      </Section>
      <Section title={`Dash risk checklist: ${data.dashScore} of 24 “yes”`} id={`${idPrefix}dash`} notice={notice}>
        <DashTable answers={asGroup(dash.answers)} shownTags={shownTags} notice={null} />
        <h3>Professional&apos;s additional considerations</h3>
        {isProjectedText(additional) ? <ProjectedText value={additional} hideNotice /> : <FieldValue value={additional} hideNotice />}
      </Section>
      <Section title="Consent" id={`${idPrefix}consent`} notice={notice}>
        <FieldRows group={asGroup(v.consent)} path="consent" shownTags={shownTags} views={views} hideNotice />
      </Section>
      <Section title="The victim's views on sharing" id={`${idPrefix}views`} notice={notice}>
        <FieldRows group={{ inTheirWords: asGroup(v.victimViews).inTheirWords }} path="victimViews" shownTags={shownTags} views={views} hideNotice />
        <FieldRows group={asGroup(asGroup(v.victimViews).perTag)} path="victimViews.perTag" shownTags={shownTags} />
        <ViewsByCategory decisions={data.decisions} />
      </Section>
      <Section title="Narrative" id={`${idPrefix}narrative`} notice={notice}>
        {isProjectedText(v.narrative) ? <ProjectedText value={v.narrative} hideNotice /> : null}
      </Section>
    </>
  );
}
