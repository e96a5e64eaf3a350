/** The pages of the referral form, in order. The last one is the check-your-answers page. */
export const REFERRAL_STEPS = [
  { slug: "victim", title: "About the victim", keys: ["victim"] },
  { slug: "contact", title: "Contacting the victim safely", keys: ["victim"] },
  { slug: "background", title: "Communication, health and identity", keys: ["victim"] },
  { slug: "immigration", title: "Nationality and immigration", keys: ["victim"] },
  { slug: "perpetrators", title: "Perpetrators", keys: ["perpetrators"] },
  { slug: "household", title: "Children and other household members", keys: ["householdMembers"] },
  { slug: "dash", title: "Dash risk identification checklist", keys: ["dash"] },
  { slug: "criteria", title: "Referral criteria", keys: ["criteria"] },
  { slug: "consent", title: "Consent and the victim's views", keys: ["consent", "victimViews"] },
  { slug: "narrative", title: "What has happened", keys: ["narrative", "referring"] },
  { slug: "check", title: "Check your answers", keys: [] },
] as const;

export type StepSlug = (typeof REFERRAL_STEPS)[number]["slug"];

/**
 * The victim's details are asked over four short pages (one long page was 3,900 px). Each page owns
 * these top-level victim fields; saving a page replaces only them in the draft's victim.
 */
export const VICTIM_PAGES = {
  victim: ["name", "aliases", "dateOfBirth", "gender"],
  contact: ["address", "phone", "phoneSafeToCall", "safeContactNotes", "email", "safeToTalkTo", "notSafeToTalkTo", "afraidOf"],
  background: ["firstLanguage", "interpreterNeeded", "ethnicity", "disability", "lgbtPlus", "pregnantOrBabyUnder18Months"],
  immigration: ["nationality", "immigrationStatus", "noRecourseToPublicFunds", "immigrationNeeds"],
} as const;
export type VictimPage = keyof typeof VICTIM_PAGES;

export function isVictimPage(slug: string): slug is VictimPage {
  return slug in VICTIM_PAGES;
}

/** The victim page asking a victim field ("victim-disability-details" is on "background"). */
export function victimPageOf(fieldId: string): VictimPage {
  const top = fieldId.split("-")[1] ?? "";
  return (Object.keys(VICTIM_PAGES) as VictimPage[]).find((p) => (VICTIM_PAGES[p] as readonly string[]).includes(top)) ?? "victim";
}
/** The pages with questions (every page but check-your-answers). */
export type FormStep = Exclude<StepSlug, "check">;

export function isStep(slug: string | undefined): slug is StepSlug {
  return REFERRAL_STEPS.some((s) => s.slug === slug);
}

export function isFormStep(slug: string | undefined): slug is FormStep {
  return isStep(slug) && slug !== "check";
}

export function stepIndex(slug: StepSlug): number {
  return REFERRAL_STEPS.findIndex((s) => s.slug === slug);
}

export function stepTitle(slug: StepSlug): string {
  return REFERRAL_STEPS[stepIndex(slug)]?.title ?? slug;
}

export function nextStep(slug: StepSlug): StepSlug {
  return REFERRAL_STEPS[stepIndex(slug) + 1]?.slug ?? "check";
}

export function previousStep(slug: StepSlug): StepSlug | null {
  return REFERRAL_STEPS[stepIndex(slug) - 1]?.slug ?? null;
}

/** The page holding a referral's top-level key (from a submit issue's path, like $.victim.dateOfBirth). */
export function stepForKey(key: string): FormStep {
  if (key === "professionalJudgement") return "criteria"; // a criteria error may name the field without its group
  const found = REFERRAL_STEPS.find((s) => (s.keys as readonly string[]).includes(key));
  return found && found.slug !== "check" ? found.slug : "victim";
}

/**
 * A submit issue's JSON path ($.perpetrators[0].dateOfBirth) as the page and field id that hold it
 * (perpetrators, perpetrators-0-dateOfBirth). Field ids are the path joined with "-".
 */
export function issueTarget(path: string): { step: FormStep; field: string } {
  const parts = path
    .replace(/^\$\.?/, "")
    .replace(/\[(\d+)\]/g, ".$1")
    .split(".")
    .filter(Boolean);
  const first = parts[0] ?? "victim";
  const step = stepForKey(first);
  const withGroup = first === "professionalJudgement" ? ["criteria", ...parts.slice(1)] : parts;
  const field = fieldIdFromPath(withGroup);
  return { step: step === "victim" ? victimPageOf(field) : step, field };
}

/** A zod issue path as the id of the form field that holds it. */
export function fieldIdFromPath(path: readonly PropertyKey[]): string {
  const parts = path.map(String);
  // Free text is {text, spans}: the field is the whole box. Aliases are one box, one per line.
  if (parts.at(-1) === "text") parts.pop();
  const spans = parts.indexOf("spans");
  if (spans >= 0) parts.splice(spans);
  const aliases = parts.indexOf("aliases");
  if (aliases >= 0) parts.splice(aliases + 1);
  // Dash comments and sources live under answers.qN; an error on the answer list itself goes to its first question.
  if (parts.length === 2 && parts[0] === "dash" && parts[1] === "answers") parts.push("q1", "answer");
  // "Add at least one perpetrator": the first perpetrator's name.
  if (parts.length === 1 && parts[0] === "perpetrators") parts.push("0", "name");
  // Professional judgement without reasons: the reasons box.
  if (parts[0] === "criteria" && parts[1] === "professionalJudgement" && parts[2] === "reasons") parts.splice(1, 1);
  return parts.join("-");
}
