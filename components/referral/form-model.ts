import { DASH_QUESTIONS } from "~/server/domain/case/dash";
import { TAGS } from "~/server/domain/tags";
import { isVictimPage, VICTIM_PAGES, type FormStep, type VictimPage } from "./steps";

/**
 * The referral form's pages as flat form values and back. A field's id and name is its path in the
 * referral joined with "-" (victim-disability-details, perpetrators-0-name, dash-answers-q3-answer),
 * so a validation issue's path names the field it belongs to. What is typed is kept as typed: an
 * impossible date is saved into the draft as its parts, to come back exactly as it was entered.
 */

export type Values = Record<string, string>;
export type FieldErrors = Record<string, string[]>;
export type Kind = "required" | "optional" | "tagged" | "date" | "lines" | "yesno" | "check" | "int";
export type FieldSpec = readonly [path: string, kind: Kind];

export const VICTIM_FIELDS: readonly FieldSpec[] = [
  ["name", "required"], ["aliases", "lines"], ["dateOfBirth", "date"], ["gender", "optional"],
  ["address", "optional"], ["phone", "optional"], ["phoneSafeToCall", "optional"], ["safeContactNotes", "tagged"], ["email", "optional"],
  ["safeToTalkTo", "tagged"], ["notSafeToTalkTo", "tagged"], ["afraidOf", "tagged"],
  ["firstLanguage", "optional"], ["interpreterNeeded", "optional"], ["ethnicity", "optional"], ["disability.disabled", "optional"], ["disability.details", "tagged"],
  ["lgbtPlus.identifiesAsLgbtPlus", "optional"], ["lgbtPlus.details", "tagged"], ["pregnantOrBabyUnder18Months", "optional"],
  ["nationality", "optional"], ["immigrationStatus", "optional"], ["noRecourseToPublicFunds", "optional"], ["immigrationNeeds", "tagged"],
];

/** The victim fields asked on one of the victim pages. */
export function victimPageFields(page: VictimPage): FieldSpec[] {
  const owned: readonly string[] = VICTIM_PAGES[page];
  return VICTIM_FIELDS.filter(([path]) => owned.includes(path.split(".")[0] ?? path));
}

export const PERPETRATOR_FIELDS: readonly FieldSpec[] = [
  ["name", "required"], ["aliases", "lines"], ["dateOfBirth", "date"], ["gender", "optional"], ["relationshipToVictim", "optional"],
  ["address", "optional"], ["offendingHistory", "tagged"], ["bailAndOrders", "tagged"],
];

export const HOUSEHOLD_FIELDS: readonly FieldSpec[] = [
  ["name", "required"], ["isChild", "yesno"], ["dateOfBirth", "date"], ["relationshipToVictim", "optional"], ["relationshipToPerpetrator", "optional"],
  ["address", "optional"], ["school", "optional"],
];

export const DASH_FIELDS: readonly FieldSpec[] = [
  ...DASH_QUESTIONS.flatMap((q): FieldSpec[] => [[`answers.${q.id}.answer`, "optional"], [`answers.${q.id}.comment`, "tagged"], [`answers.${q.id}.sourceIfNotVictim`, "optional"]]),
  ["additionalConsiderations", "tagged"],
];

export const CRITERIA_FIELDS: readonly FieldSpec[] = [["policeIncidentsLast12Months", "int"], ["professionalJudgement", "check"], ["reasons", "tagged"]];

export const CONSENT_FIELDS: readonly FieldSpec[] = [["victimAware", "optional"], ["consentGiven", "optional"], ["reasonIfNot", "tagged"], ["lawfulBasis", "optional"]];

export const VIEWS_FIELDS: readonly FieldSpec[] = [["inTheirWords", "tagged"], ...TAGS.map((t): FieldSpec => [`perTag.${t}`, "optional"])];

export const REFERRING_FIELDS: readonly FieldSpec[] = [["officerRole", "optional"], ["officerPhone", "optional"]];

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export const fieldId = (prefix: string, path: string) => (prefix ? `${prefix}-${path.replaceAll(".", "-")}` : path.replaceAll(".", "-"));

function getPath(obj: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((o, k) => (isObj(o) ? o[k] : undefined), obj);
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  if (value === undefined) return;
  const keys = path.split(".");
  let o = obj;
  for (const k of keys.slice(0, -1)) {
    const current = o[k];
    const next = isObj(current) ? current : {};
    o[k] = next;
    o = next;
  }
  o[keys.at(-1) ?? path] = value;
}

const str = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" ? String(v) : Array.isArray(v) ? v.filter((x) => typeof x === "string").join("\n") : "";

/** Day, month and year as typed; blank stays blank; anything but a real date is an error (GOV.UK wording). */
export function dateFrom(v: Values, id: string, what = "Date of birth"): { value?: string; raw?: string; error?: string } {
  const [d = "", m = "", y = ""] = ["day", "month", "year"].map((p) => (v[`${id}-${p}`] ?? "").trim());
  if (!d && !m && !y) return {};
  const day = Number(d), month = Number(m), year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y) || date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) {
    return { raw: `${y}-${m}-${d}`, error: `${what} must be a real date, like 27 3 1990` };
  }
  return { value: `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` };
}

/** A stored date (yyyy-mm-dd, or the parts as typed) as the three boxes. */
function dateParts(stored: unknown): { day: string; month: string; year: string } {
  const [y = "", m = "", d = ""] = str(stored).split("-");
  const trim = (s: string) => (/^\d+$/.test(s) ? String(Number(s)) : s);
  return { day: trim(d), month: trim(m), year: y };
}

function flattenGroup(obj: unknown, spec: readonly FieldSpec[], prefix: string, out: Values): void {
  for (const [path, kind] of spec) {
    const id = fieldId(prefix, path);
    const value = getPath(obj, path);
    if (kind === "date") {
      const p = dateParts(value);
      out[`${id}-day`] = p.day;
      out[`${id}-month`] = p.month;
      out[`${id}-year`] = p.year;
    } else if (kind === "tagged") out[id] = isObj(value) ? str(value.text) : str(value);
    else if (kind === "yesno" || kind === "check") out[id] = value === true ? "yes" : value === false && kind === "yesno" ? "no" : "";
    else out[id] = str(value);
  }
}

function buildGroup(values: Values, spec: readonly FieldSpec[], prefix: string, errors: FieldErrors, datePrefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, kind] of spec) {
    const id = fieldId(prefix, path);
    const raw = values[id];
    const trimmed = (raw ?? "").trim();
    switch (kind) {
      case "required":
        setPath(out, path, raw ?? "");
        break;
      case "optional":
        setPath(out, path, trimmed === "" ? undefined : trimmed);
        break;
      case "tagged":
        setPath(out, path, { text: raw ?? "", spans: [] });
        break;
      case "lines":
        setPath(out, path, (raw ?? "").split("\n").map((a) => a.trim()).filter(Boolean));
        break;
      case "yesno":
        setPath(out, path, raw === "yes" ? true : raw === "no" ? false : undefined);
        break;
      case "check":
        setPath(out, path, raw === "yes");
        break;
      case "int":
        // A whole number is saved as one; anything else is saved as typed, for the schema to refuse.
        setPath(out, path, trimmed === "" ? undefined : /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed);
        break;
      case "date": {
        const d = dateFrom(values, id, `${datePrefix}Date of birth`);
        if (d.error) errors[id] = [d.error];
        setPath(out, path, d.value ?? d.raw);
        break;
      }
    }
  }
  return out;
}

const LISTS = {
  perpetrators: { key: "perpetrators", spec: PERPETRATOR_FIELDS, min: 1, noun: "Perpetrator" },
  household: { key: "householdMembers", spec: HOUSEHOLD_FIELDS, min: 0, noun: "Household member" },
} as const;

export const countId = (key: string) => `${key}-count`;

/** A draft's saved answers for one page, as the page's form values. */
export function valuesFromDraft(step: FormStep, content: Record<string, unknown>): Values {
  const out: Values = {};
  switch (step) {
    case "victim":
    case "contact":
    case "background":
      flattenGroup(content.victim, victimPageFields(step), "victim", out);
      break;
    case "immigration":
      flattenGroup(content.victim, victimPageFields(step), "victim", out);
      if (!out["victim-immigrationStatus"]) out["victim-immigrationStatus"] = "unknown";
      break;
    case "perpetrators":
    case "household": {
      const { key, spec, min } = LISTS[step];
      const list = Array.isArray(content[key]) ? (content[key] as unknown[]) : [];
      const count = Math.max(min, list.length);
      out[countId(key)] = String(count);
      for (let i = 0; i < count; i++) flattenGroup(list[i], spec, `${key}-${i}`, out);
      break;
    }
    case "dash":
      flattenGroup(content.dash, DASH_FIELDS, "dash", out);
      break;
    case "criteria":
      flattenGroup(content.criteria, CRITERIA_FIELDS, "criteria", out);
      break;
    case "consent":
      flattenGroup(content.consent, CONSENT_FIELDS, "consent", out);
      flattenGroup(content.victimViews, VIEWS_FIELDS, "victimViews", out);
      for (const t of TAGS) out[`victimViews-perTag-${t}`] ||= "not_asked";
      break;
    case "narrative":
      out.narrative = isObj(content.narrative) ? str(content.narrative.text) : "";
      flattenGroup(content.referring, REFERRING_FIELDS, "referring", out);
      break;
  }
  return out;
}

/**
 * One page's form values as the patch to save into the draft (top-level keys of the referral), and
 * the errors only the form can see (impossible dates). `intent` "add" appends a blank block to a
 * list page; "remove-N" drops block N. A victim page replaces only its own fields in `content`'s
 * victim, keeping what the other victim pages saved.
 */
export function patchFromValues(step: FormStep, values: Values, intent = "continue", content: Record<string, unknown> = {}): { patch: Record<string, unknown>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (isVictimPage(step)) {
    const owned: readonly string[] = VICTIM_PAGES[step];
    const kept = Object.fromEntries(Object.entries(isObj(content.victim) ? content.victim : {}).filter(([k]) => !owned.includes(k)));
    return { patch: { victim: { ...kept, ...buildGroup(values, victimPageFields(step), "victim", errors) } }, errors };
  }
  switch (step) {
    case "perpetrators":
    case "household": {
      const { key, spec, noun } = LISTS[step];
      const count = Math.max(0, Math.min(50, Number(values[countId(key)] ?? "0") || 0));
      let list = Array.from({ length: count }, (_, i) => buildGroup(values, spec, `${key}-${i}`, errors, `${noun} ${i + 1}: `));
      if (intent === "add") list = [...list, buildGroup({}, spec, "blank", {})];
      const remove = /^remove-(\d+)$/.exec(intent);
      if (remove) list = list.filter((_, i) => i !== Number(remove[1]));
      return { patch: { [key]: list }, errors };
    }
    case "dash":
      return { patch: { dash: buildGroup(values, DASH_FIELDS, "dash", errors) }, errors };
    case "criteria":
      return { patch: { criteria: buildGroup(values, CRITERIA_FIELDS, "criteria", errors) }, errors };
    case "consent":
      return { patch: { consent: buildGroup(values, CONSENT_FIELDS, "consent", errors), victimViews: buildGroup(values, VIEWS_FIELDS, "victimViews", errors) }, errors };
    case "narrative":
      return { patch: { narrative: { text: values.narrative ?? "", spans: [] }, referring: buildGroup(values, REFERRING_FIELDS, "referring", errors) }, errors };
  }
}

/** The page's field ids in the order they appear, for the error summary. */
export function fieldOrder(step: FormStep, values: Values): string[] {
  const ids = (spec: readonly FieldSpec[], prefix: string) => spec.map(([path]) => fieldId(prefix, path));
  if (isVictimPage(step)) return ids(victimPageFields(step), "victim");
  switch (step) {
    case "perpetrators":
    case "household": {
      const { key, spec } = LISTS[step];
      const count = Number(values[countId(key)] ?? "0") || 0;
      return Array.from({ length: count }, (_, i) => ids(spec, `${key}-${i}`)).flat();
    }
    case "dash":
      return ids(DASH_FIELDS, "dash");
    case "criteria":
      return ids(CRITERIA_FIELDS, "criteria");
    case "consent":
      return [...ids(CONSENT_FIELDS, "consent"), ...ids(VIEWS_FIELDS, "victimViews")];
    case "narrative":
      return ["narrative", ...ids(REFERRING_FIELDS, "referring")];
  }
}

/** The noun for a block of a list page, to say which block an error is in. */
export function listNoun(key: string): string | null {
  return key === "perpetrators" ? "Perpetrator" : key === "householdMembers" ? "Household member" : null;
}
