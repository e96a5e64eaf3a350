import { RestrictedBadge } from "~/components/case/restricted";
import { Button, Radios, Select, Textarea, TextInput } from "~/components/ui/fields";
import { Checkbox, DatePartsInput, RadiosWithHints } from "~/components/ui/more-fields";
import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import { IMMIGRATION_STATUS_LABELS, IMMIGRATION_STATUSES } from "~/server/domain/case/victim";
import { LAWFUL_BASES, PROFESSIONAL_JUDGEMENT_GROUNDS } from "~/server/domain/referral/criteria";
import { TAGS, type Tag } from "~/server/domain/tags";
import Link from "next/link";
import { formatValue } from "~/components/case/labels";
import { DashScore } from "./dash-score";
import type { VictimPage } from "./steps";
import { countId, type Values } from "./form-model";
import { NarrativeBox } from "./narrative-box";

/** The answers on the page (saved or as just typed) and the first error for a field id. */
export type FieldProps = { v: Values; err: (id: string) => string | undefined };

const YNU = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "unknown", label: "Not known" },
];
const YES_NO = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
];
const GENDER = [
  { value: "female", label: "Female" },
  { value: "male", label: "Male" },
  { value: "other", label: "Other" },
  { value: "not_known", label: "Not known" },
];
const DASH_OPTIONS = [
  { value: "yes", label: "Yes" },
  { value: "no", label: "No" },
  { value: "dont_know", label: "Don't know" },
];
const SHARING = [
  { value: "share", label: "Agrees it may be shared" },
  { value: "do_not_share", label: "Does not want it shared" },
  { value: "not_asked", label: "Not asked" },
];
/** Each kind of restricted information, in plain words, for the victim's choices. */
const TAG_QUESTIONS: Record<Tag, string> = {
  immigration: "Immigration information (nationality, immigration status, no recourse to public funds)",
  safe_contact: "Safe contact details (address, phone, email, safe times to call)",
  health: "Health, including mental health, disability and pregnancy",
  sexuality: "Sexual orientation and gender identity",
  criminal: "Criminal history and police information",
  children: "Information about her children",
};

const badge = (...tags: Tag[]) => <RestrictedBadge tags={tags} />;

function DateOf({ id, label, v, err }: FieldProps & { id: string; label: string }) {
  return <DatePartsInput id={id} label={label} hint="For example, 27 3 1990" day={v[`${id}-day`]} month={v[`${id}-month`]} year={v[`${id}-year`]} error={err(id)} />;
}

/** One of the four victim pages (see VICTIM_PAGES). */
export function VictimFields({ v, err, page }: FieldProps & { page: VictimPage }) {
  const f = (name: string) => `victim-${name}`;
  const common = (name: string) => ({ id: f(name), defaultValue: v[f(name)], error: err(f(name)) });
  if (page === "victim") {
    return (
      <>
        <TextInput {...common("name")} label="Full name" autoComplete="off" />
        <Textarea {...common("aliases")} label="Other names (optional)" hint="One on each line." rows={2} />
        <DateOf id={f("dateOfBirth")} label="Date of birth (optional)" v={v} err={err} />
        <Radios {...common("gender")} label="Gender" inline options={GENDER} />
      </>
    );
  }
  if (page === "contact") {
    return (
      <>
        <p className="mb-6">These details are shared only with agencies whose sharing policy allows safe contact details.</p>
      <TextInput {...common("address")} label="Address (optional)" badge={badge("safe_contact")} />
      <TextInput {...common("phone")} label="Phone (optional)" badge={badge("safe_contact")} />
      <Radios {...common("phoneSafeToCall")} label="Is it safe to call this phone?" inline options={YNU} badge={badge("safe_contact")} />
      <Textarea {...common("safeContactNotes")} label="Safe times to call and other contact notes (optional)" badge={badge("safe_contact")} rows={2} />
      <TextInput {...common("email")} label="Email (optional)" type="email" badge={badge("safe_contact")} />
      <Textarea {...common("safeToTalkTo")} label="Who is safe to talk to (optional)" badge={badge("safe_contact")} rows={2} />
      <Textarea {...common("notSafeToTalkTo")} label="Who is not safe to talk to (optional)" rows={2} />
      <Textarea {...common("afraidOf")} label="Who the victim is afraid of (optional)" hint="All potential threats, not only the main perpetrator." rows={2} />
      </>
    );
  }
  if (page === "background") {
    return (
      <>
      <TextInput {...common("firstLanguage")} label="First language (optional)" />
      <Radios {...common("interpreterNeeded")} label="Is an interpreter needed?" inline options={YNU} />
      <TextInput {...common("ethnicity")} label="Ethnicity (optional)" hint="The census group, for example “White: Irish”, “Black or Black British: Caribbean” or “Asian or Asian British: Pakistani”." />
      <Radios {...common("disability-disabled")} label="Is the victim disabled?" inline options={YNU} badge={badge("health")} />
      <Textarea {...common("disability-details")} label="Disability details (optional)" badge={badge("health")} rows={2} />
      <Radios {...common("lgbtPlus-identifiesAsLgbtPlus")} label="Does the victim identify as LGBT+?" inline options={YNU} badge={badge("sexuality")} />
      <Textarea {...common("lgbtPlus-details")} label="Sexual orientation or gender identity details (optional)" badge={badge("sexuality")} rows={2} />
      <Radios {...common("pregnantOrBabyUnder18Months")} label="Is the victim pregnant or do they have a baby under 18 months?" inline options={YNU} badge={badge("health")} />
      </>
    );
  }
  return (
    <>
      <p className="mb-6 max-w-2xl border-l-4 border-brand bg-panel p-4">
        Record immigration information only if it is relevant to the victim&apos;s safety. Do not ask about or check anyone&apos;s immigration status
        only to fill this in (NPCC guidance). &ldquo;Not known&rdquo; is always an acceptable answer. None of this is shared with Immigration Enforcement.
      </p>
      <TextInput {...common("nationality")} label="Nationality (optional)" badge={badge("immigration")} />
      <Select
        {...common("immigrationStatus")}
        defaultValue={v[f("immigrationStatus")] || "unknown"}
        label="Immigration status"
        badge={badge("immigration")}
        hint="Leave as not known unless the victim has told you and it matters for her safety."
        options={IMMIGRATION_STATUSES.map((s) => ({ value: s, label: IMMIGRATION_STATUS_LABELS[s] }))}
      />
      <Radios {...common("noRecourseToPublicFunds")} label="Does the victim have no recourse to public funds?" inline options={YNU} badge={badge("immigration")} />
      <Textarea {...common("immigrationNeeds")} label="Immigration-related safeguarding needs (optional)" badge={badge("immigration")} hint="For example: needs specialist immigration advice; the perpetrator threatens her status." />
    </>
  );
}

function PerpetratorBlock({ i, total, v, err }: FieldProps & { i: number; total: number }) {
  const f = (name: string) => `perpetrators-${i}-${name}`;
  const common = (name: string) => ({ id: f(name), defaultValue: v[f(name)], error: err(f(name)) });
  return (
    <section aria-labelledby={f("title")} className="mb-8 border-l-4 border-border pl-4">
      <h2 id={f("title")}>Perpetrator {i + 1}</h2>
      <TextInput {...common("name")} label="Full name" autoComplete="off" />
      <Textarea {...common("aliases")} label="Other names (optional)" hint="One on each line." rows={2} />
      <DateOf id={f("dateOfBirth")} label="Date of birth (optional)" v={v} err={err} />
      <Radios {...common("gender")} label="Gender" inline options={GENDER} />
      <TextInput {...common("relationshipToVictim")} label="Relationship to the victim (optional)" hint="For example, husband, ex-partner, son, brother-in-law." />
      <TextInput {...common("address")} label="Address (optional)" />
      <Textarea {...common("offendingHistory")} label="Offending history (optional)" badge={badge("criminal")} rows={3} />
      <Textarea {...common("bailAndOrders")} label="Bail conditions and court orders (optional)" badge={badge("criminal")} rows={3} />
      {total > 1 ? (
        <Button variant="secondary" name="intent" value={`remove-${i}`}>
          Remove perpetrator {i + 1}
        </Button>
      ) : null}
    </section>
  );
}

export function PerpetratorFields({ v, err }: FieldProps) {
  const total = Number(v[countId("perpetrators")] ?? "1") || 1;
  return (
    <>
      <input type="hidden" name={countId("perpetrators")} value={total} />
      <p className="mb-6">Add everyone who is abusing the victim. Saving keeps what you have typed.</p>
      {Array.from({ length: total }, (_, i) => (
        <PerpetratorBlock key={i} i={i} total={total} v={v} err={err} />
      ))}
      <Button variant="secondary" name="intent" value="add">
        Add another perpetrator
      </Button>
    </>
  );
}

function HouseholdBlock({ i, v, err }: FieldProps & { i: number }) {
  const f = (name: string) => `householdMembers-${i}-${name}`;
  const common = (name: string) => ({ id: f(name), defaultValue: v[f(name)], error: err(f(name)) });
  return (
    <section aria-labelledby={f("title")} className="mb-8 border-l-4 border-border pl-4">
      <h2 id={f("title")}>Household member {i + 1}</h2>
      <TextInput {...common("name")} label="Full name" autoComplete="off" />
      <Radios {...common("isChild")} label="Is this person a child (under 18)?" inline options={YES_NO} badge={badge("children")} />
      <DateOf id={f("dateOfBirth")} label="Date of birth (optional)" v={v} err={err} />
      <TextInput {...common("relationshipToVictim")} label="Relationship to the victim (optional)" hint="For example, daughter, mother." />
      <TextInput {...common("relationshipToPerpetrator")} label="Relationship to the perpetrator (optional)" />
      <TextInput {...common("address")} label="Address, if different from the victim's (optional)" badge={badge("safe_contact")} />
      <TextInput {...common("school")} label="School or nursery (optional)" />
      <Button variant="secondary" name="intent" value={`remove-${i}`}>
        Remove household member {i + 1}
      </Button>
    </section>
  );
}

export function HouseholdFields({ v, err }: FieldProps) {
  const total = Number(v[countId("householdMembers")] ?? "0") || 0;
  return (
    <>
      <input type="hidden" name={countId("householdMembers")} value={total} />
      <p className="mb-6">Add each child and anyone else who lives with the victim. If nobody else lives with her, continue without adding anyone.</p>
      {total === 0 ? <p className="mb-6 font-bold">No children or household members added.</p> : null}
      {Array.from({ length: total }, (_, i) => (
        <HouseholdBlock key={i} i={i} v={v} err={err} />
      ))}
      <Button variant="secondary" name="intent" value="add">
        {total === 0 ? "Add a child or household member" : "Add another child or household member"}
      </Button>
    </>
  );
}

/** Dash question 9 asks what the victim pages asked already: the answer given there, when it is yes or no. */
const PREGNANCY_QUESTION = "q9";

export function DashFields({ v, err, threshold, initialScore, draftId, pregnancyAnswer }: FieldProps & { threshold: number; initialScore: number; draftId: string; pregnancyAnswer: unknown }) {
  const known = pregnancyAnswer === "yes" || pregnancyAnswer === "no" ? pregnancyAnswer : null;
  return (
    <>
      <p className="mb-4">
        Ask the victim each question. Answer &ldquo;yes&rdquo; only where the victim (or another source you name) says so. &ldquo;Don&apos;t know&rdquo; never adds to the score.
      </p>
      <DashScore initial={initialScore} threshold={threshold} total={DASH_QUESTIONS.length} />
      {DASH_QUESTIONS.map((q, n) => {
        const f = (name: string) => `dash-answers-${q.id}-${name}`;
        return (
          <div key={q.id} className="mb-8 border-b border-border">
            {q.id === PREGNANCY_QUESTION && known ? (
              <div id={f("answer")} className="mb-6">
                <p className="mb-1 text-lg font-bold">{`${n + 1}. ${q.text}`}</p>
                <p className="mb-1">
                  {formatValue(known)}: you answered this on the earlier page about the victim&apos;s health.{" "}
                  <Link href={`/referrals/${draftId}/background#victim-pregnantOrBabyUnder18Months`}>
                    Change<span className="sr-only"> the answer about pregnancy</span>
                  </Link>
                </p>
                <input type="hidden" name={f("answer")} value={known} />
              </div>
            ) : (
              <Radios id={f("answer")} label={`${n + 1}. ${q.text}`} inline options={DASH_OPTIONS} defaultValue={v[f("answer")]} error={err(f("answer"))} />
            )}
            <Textarea id={f("comment")} label={`Question ${n + 1}: comment (optional)`} rows={2} defaultValue={v[f("comment")]} error={err(f("comment"))} />
            <TextInput id={f("sourceIfNotVictim")} label={`Question ${n + 1}: source of the information, if not the victim (optional)`} defaultValue={v[f("sourceIfNotVictim")]} error={err(f("sourceIfNotVictim"))} />
          </div>
        );
      })}
      <Textarea
        id="dash-additionalConsiderations"
        label="Anything else for the professional to consider (optional)"
        hint="For example: the victim's own sense of risk, or something the questions do not cover."
        defaultValue={v["dash-additionalConsiderations"]}
        error={err("dash-additionalConsiderations")}
      />
    </>
  );
}

export type CriteriaSummary = { criteria: { id: string; label: string; met: boolean; explanation: string }[]; anyMet: boolean; canSubmit: boolean; message: string };

/** The criteria as worked out on the answers saved so far, with the MARAC's thresholds. */
export function CriteriaPanel({ summary }: { summary: CriteriaSummary }) {
  return (
    <section aria-labelledby="criteria-now" className="mb-8">
      <h2 id="criteria-now">Criteria on the answers saved so far</h2>
      <ul className="mb-4 space-y-2">
        {summary.criteria.map((c) => (
          <li key={c.id} className="border-l-4 border-border pl-3">
            <strong className={c.met ? "bg-[#cce2d8] px-2 text-[#005a30]" : "bg-panel px-2 text-ink"}>{c.met ? "Met" : "Not met"}</strong> <span>{c.explanation}</span>
          </li>
        ))}
      </ul>
      {summary.anyMet ? (
        <p className="mb-4 border-l-4 border-success pl-3 font-bold">{summary.message}</p>
      ) : (
        <div className="mb-4 flex gap-3 border-l-4 border-warning bg-[#fff7ee] p-3">
          <strong aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-ink text-lg text-white">
            !
          </strong>
          <p className="mb-0 font-bold">
            <span className="sr-only">Warning: </span>
            {summary.canSubmit ? summary.message : `${summary.message} Without it, this referral can be submitted only on professional judgement with your reasons.`}
          </p>
        </div>
      )}
    </section>
  );
}

export function CriteriaFields({ v, err, summary, escalationIncidents }: FieldProps & { summary: CriteriaSummary; escalationIncidents: number }) {
  return (
    <>
      <CriteriaPanel summary={summary} />
      <TextInput
        id="criteria-policeIncidentsLast12Months"
        label="How many domestic abuse incidents have the police recorded for this victim in the last 12 months? (optional)"
        hint={`Leave blank if you do not know. Potential escalation is met at ${escalationIncidents} or more.`}
        width="short"
        inputMode="numeric"
        defaultValue={v["criteria-policeIncidentsLast12Months"]}
        error={err("criteria-policeIncidentsLast12Months")}
      />
      <Checkbox
        id="criteria-professionalJudgement"
        legend="Professional judgement"
        label="I am referring on my professional judgement"
        hint="You can refer on professional judgement whatever the score, if you give your reasons."
        defaultChecked={v["criteria-professionalJudgement"] === "yes"}
        error={err("criteria-professionalJudgement")}
      />
      <Textarea
        id="criteria-reasons"
        label="Your reasons for professional judgement"
        hint={
          <>
            <span className="block">Required if you tick professional judgement. Recognised grounds include:</span>
            <ul className="mt-1 list-disc pl-6">
              {PROFESSIONAL_JUDGEMENT_GROUNDS.map((g) => (
                <li key={g}>{g}</li>
              ))}
            </ul>
          </>
        }
        rows={5}
        defaultValue={v["criteria-reasons"]}
        error={err("criteria-reasons")}
      />
    </>
  );
}

export function ConsentFields({ v, err }: FieldProps) {
  const common = (id: string) => ({ id, defaultValue: v[id], error: err(id) });
  return (
    <>
      <h2>Consent</h2>
      <Radios {...common("consent-victimAware")} label="Is the victim aware of this referral?" inline options={YNU} />
      <Radios {...common("consent-consentGiven")} label="Has the victim given consent to the referral?" inline options={YNU} />
      <Textarea {...common("consent-reasonIfNot")} label="If the victim is not aware or has not consented, why not? (optional)" rows={3} />
      <RadiosWithHints
        {...common("consent-lawfulBasis")}
        label="If there is no consent, the lawful basis for the referral"
        hint="Needed if the victim has not consented. Consent is not needed where another lawful basis applies."
        options={LAWFUL_BASES.map((b) => ({ value: b.label, label: b.label, hint: b.explanation }))}
      />

      <h2>The victim&apos;s views on sharing</h2>
      <p className="mb-6">These views are shown beside every decision to share her information with member agencies.</p>
      <Textarea {...common("victimViews-inTheirWords")} label="The victim's views on sharing, in her own words (optional)" rows={4} />
      {TAGS.map((t) => (
        <Radios key={t} {...common(`victimViews-perTag-${t}`)} label={TAG_QUESTIONS[t]} hint="Does the victim agree this may be shared with member agencies?" inline options={SHARING} />
      ))}
    </>
  );
}

export function NarrativeFields({ v, err, referrer }: FieldProps & { referrer: { name: string; email: string; agencyName: string } }) {
  return (
    <>
      <NarrativeBox
        id="narrative"
        label="What has happened"
        hint="The recent incident and history of abuse, the risks now, and what the victim wants. Write plainly; other agencies will read it."
        defaultValue={v.narrative ?? ""}
        error={err("narrative")}
      />
      <h2>Your details</h2>
      <dl className="mb-6">
        {[
          ["Referring agency", referrer.agencyName],
          ["Your name", referrer.name],
          ["Your email", referrer.email],
        ].map(([k, val]) => (
          <div key={k} className="grid grid-cols-1 gap-1 border-b border-border py-2 sm:grid-cols-3">
            <dt className="font-bold">{k}</dt>
            <dd className="sm:col-span-2">{val}</dd>
          </div>
        ))}
      </dl>
      <p className="mb-6 text-secondary">These come from your account.</p>
      <TextInput id="referring-officerRole" label="Your role (optional)" defaultValue={v["referring-officerRole"]} error={err("referring-officerRole")} />
      <TextInput id="referring-officerPhone" label="Your phone number (optional)" defaultValue={v["referring-officerPhone"]} error={err("referring-officerPhone")} />
    </>
  );
}
