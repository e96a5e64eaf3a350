import { z } from "zod";
import { MAX_DASH_SCORE } from "./scoring";
import { describeLastReferral, type RepeatResult } from "./repeat";

/**
 * A MARAC's referral thresholds (design.md section 2). Areas set them locally (some use 17 "yes"
 * answers or 5 police incidents), so they are settings, and every explanation quotes the active value.
 */
export interface MaracSettings {
  /** Visible high risk: at least this many "yes" answers on the Dash RIC (SafeLives: 14). */
  readonly dashThreshold: number;
  /** Potential escalation: at least this many police-reported incidents in the last 12 months (SafeLives: 3). */
  readonly escalationIncidents: number;
  /** Repeat: a referral within this many calendar months of the victim's last MARAC referral (SafeLives: 12). */
  readonly repeatWindowMonths: number;
}

/** The SafeLives defaults (domain.md 1.2 and 1.3). */
export const DEFAULT_MARAC_SETTINGS: MaracSettings = { dashThreshold: 14, escalationIncidents: 3, repeatWindowMonths: 12 };

/** Validates settings an admin enters; plain-English messages. */
export const maracSettingsSchema = z.strictObject({
  dashThreshold: z
    .int({ error: "The Dash threshold must be a whole number." })
    .min(1, { error: "The Dash threshold must be at least 1." })
    .max(MAX_DASH_SCORE, { error: `The Dash threshold cannot be more than ${MAX_DASH_SCORE}, the number of questions.` }),
  escalationIncidents: z
    .int({ error: "The number of police-reported incidents must be a whole number." })
    .min(1, { error: "The number of police-reported incidents must be at least 1." })
    .max(100, { error: "The number of police-reported incidents must be 100 or fewer." }),
  repeatWindowMonths: z
    .int({ error: "The repeat window must be a whole number of months." })
    .min(1, { error: "The repeat window must be at least 1 month." })
    .max(60, { error: "The repeat window must be 60 months or fewer." }),
}) satisfies z.ZodType<MaracSettings>;

/**
 * Prompts for the professional-judgement reasons: the recognised grounds (domain.md 1.2, from
 * SafeLives, Safer Derbyshire and Plymouth SCB). Shown on the form; the referrer writes the reasons.
 */
export const PROFESSIONAL_JUDGEMENT_GROUNDS: readonly string[] = [
  "Below the Dash threshold, but you have serious concerns about the victim's safety",
  "The victim's own sense of risk, or extreme fear",
  "The 'cluster of 3': separation, coercive control, and physical or sexual violence",
  "Non-fatal strangulation, choking or suffocation",
  "Stalking",
  "Threats to kill",
  "Recent separation, or trying to separate",
  "Pregnancy or a new baby",
  "Escalation: the abuse is happening more often or getting worse",
  "'Honour'-based abuse or forced marriage",
  "Cultural barriers to telling anyone about the abuse",
  "Immigration issues",
  "Language barriers",
];

/**
 * Lawful bases and gateways for a referral and sharing without the victim's consent (domain.md 4.1).
 * Offered as choices beside the consent question; the referrer can add their own words.
 */
export const LAWFUL_BASES: readonly { readonly id: string; readonly label: string; readonly explanation: string }[] = [
  {
    id: "uk_gdpr_6_1_e_public_task",
    label: "Public task (UK GDPR Article 6(1)(e))",
    explanation: "The usual basis for statutory agencies. Consent is not needed where another lawful basis applies, so a MARAC referral can go ahead without it.",
  },
  {
    id: "uk_gdpr_6_1_d_vital_interests",
    label: "Vital interests (UK GDPR Article 6(1)(d))",
    explanation: "Where there is a threat to someone's life.",
  },
  {
    id: "uk_gdpr_9_2_g_dpa_sch1_para18_safeguarding",
    label: "Safeguarding of children and individuals at risk (UK GDPR Article 9(2)(g), DPA 2018 Schedule 1 paragraph 18)",
    explanation:
      "For special category data (health, ethnicity, sexual orientation, religion). Applies where sharing is needed to protect someone at risk of physical, mental or emotional harm and consent cannot be given, cannot reasonably be obtained, or asking would put the victim's protection at risk. Needs an appropriate policy document.",
  },
  {
    id: "dpa_2018_sch1_part3_criminal_offence_data",
    label: "Criminal-offence data (DPA 2018 Schedule 1 Part 3)",
    explanation: "Information about offences, charges or convictions needs a Schedule 1 Part 3 condition as well as a lawful basis.",
  },
  {
    id: "dpa_2018_part3_law_enforcement",
    label: "Law enforcement processing (DPA 2018 Part 3)",
    explanation: "How the police process information for law enforcement purposes, instead of UK GDPR. Disclosures must be logged with their justification (section 62).",
  },
  {
    id: "crime_and_disorder_act_1998_s115",
    label: "Crime and Disorder Act 1998, section 115",
    explanation:
      "A power, not a duty, to disclose to the police, a local authority, probation or health where it is necessary or expedient to reduce crime and disorder. It does not override data-protection law or the duty of confidence.",
  },
  {
    id: "children_act_2004_s11_s16e",
    label: "Children Act 2004, sections 11 and 16E",
    explanation: "Duties to safeguard and promote the welfare of children, and the local safeguarding arrangements.",
  },
  {
    id: "children_and_social_work_act_2017",
    label: "Children and Social Work Act 2017",
    explanation: "Named in safeguarding protocols as a gateway for sharing to safeguard children.",
  },
  {
    id: "human_rights_act_1998_article_8",
    label: "Human Rights Act 1998, Article 8 (private and family life)",
    explanation: "Sharing engages the victim's right to privacy, so it must be necessary and proportionate to protecting the victim or others.",
  },
  {
    id: "caldicott_principles",
    label: "Caldicott principles (health professionals)",
    explanation: "Health staff share under the Caldicott principles and the Department of Health's \"Striking the Balance\" guidance on MARACs. Sharing with consent is preferred but is not always safe or possible.",
  },
];

/** The four SafeLives criteria, named as in the case record's `criteria` block. */
export const CRITERION_IDS = ["visibleHighRisk", "potentialEscalation", "professionalJudgement", "repeat"] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

export const CRITERION_LABELS: Record<CriterionId, string> = {
  visibleHighRisk: "Visible high risk",
  potentialEscalation: "Potential escalation",
  professionalJudgement: "Professional judgement",
  repeat: "Repeat",
};

export interface CriterionResult {
  readonly id: CriterionId;
  readonly label: string;
  readonly met: boolean;
  /** Plain English, quoting this MARAC's active threshold. */
  readonly explanation: string;
}

export interface CriteriaInput {
  /** The Dash score (dashScore). */
  readonly score: number;
  /** Police-reported incidents in the last 12 months; undefined when not given. */
  readonly policeIncidentsLast12Months?: number | undefined;
  readonly professionalJudgement: { readonly ticked: boolean; readonly reasons?: string | undefined };
  /** repeatStatus's result, or a coordinator's yes/no where the record holds only that. */
  readonly repeat: RepeatResult | boolean;
}

export interface CriteriaEvaluation {
  readonly visibleHighRisk: CriterionResult;
  readonly potentialEscalation: CriterionResult;
  readonly professionalJudgement: CriterionResult;
  readonly repeat: CriterionResult;
  /** The four, in form order. */
  readonly criteria: readonly CriterionResult[];
  readonly anyMet: boolean;
  readonly canSubmit: boolean;
  /** What the form shows before submit: why it can be submitted, or what to do first. */
  readonly message: string;
  /** Set when professional judgement is ticked without reasons: the field to fix and its message. */
  readonly error?: { readonly field: "professionalJudgement.reasons"; readonly message: string };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const monthsPhrase = (n: number) => plural(n, "month", "months");

export const PROFESSIONAL_JUDGEMENT_REASONS_MISSING =
  "You have ticked professional judgement: give the reasons for your concern.";

function repeatCriterion(repeat: RepeatResult | boolean, windowMonths: number): CriterionResult {
  const base = { id: "repeat", label: CRITERION_LABELS.repeat } as const;
  const windowText = `this MARAC's repeat window of ${monthsPhrase(windowMonths)}`;
  if (typeof repeat === "boolean") {
    return repeat
      ? { ...base, met: true, explanation: `Repeat: marked as a repeat referral, within ${windowText} of the victim's last MARAC referral.` }
      : { ...base, met: false, explanation: "Repeat: not met. This referral is not marked as a repeat." };
  }
  const last = describeLastReferral(repeat);
  if (last === null) {
    return { ...base, met: false, explanation: "Repeat: not met. No earlier MARAC referral of this victim has been found or confirmed." };
  }
  const since = repeat.monthsSince === undefined ? "" : `, ${repeat.monthsSince === 0 ? "less than a month" : monthsPhrase(repeat.monthsSince)} ago`;
  return repeat.isRepeat
    ? { ...base, met: true, explanation: `Repeat: the victim's last MARAC referral was on ${last}${since}, within ${windowText}.` }
    : { ...base, met: false, explanation: `Repeat: not met. The victim's last MARAC referral was on ${last}${since}, outside ${windowText}.` };
}

/**
 * The four SafeLives referral criteria (domain.md 1.2, design.md section 2) on this MARAC's settings:
 *
 * - visible high risk: score at or over `dashThreshold`;
 * - potential escalation: police-reported incidents in the last 12 months at or over
 *   `escalationIncidents` (not met when the number is not given);
 * - professional judgement: ticked AND reasons given (blank reasons do not count);
 * - repeat: repeatStatus says so (or the record's yes/no).
 *
 * Submitting: professional judgement ticked without reasons is an error, whatever else is met. A
 * referral meeting no criterion can be submitted only on professional judgement with reasons, and
 * the message says so before submit. Professional judgement may raise a case above its score, never
 * lower it: nothing here lets it unset another criterion.
 */
export function evaluateCriteria(input: CriteriaInput, settings: MaracSettings): CriteriaEvaluation {
  const { score, policeIncidentsLast12Months: incidents, professionalJudgement: pj } = input;

  const highRisk = score >= settings.dashThreshold;
  const answers = plural(score, "'yes' answer", "'yes' answers");
  const visibleHighRisk: CriterionResult = {
    id: "visibleHighRisk",
    label: CRITERION_LABELS.visibleHighRisk,
    met: highRisk,
    explanation: highRisk
      ? `Visible high risk: ${answers}, at or over this MARAC's threshold of ${settings.dashThreshold}.`
      : `Visible high risk: not met. ${answers[0]?.toUpperCase() ?? ""}${answers.slice(1)}, below this MARAC's threshold of ${settings.dashThreshold}.`,
  };

  const escalationThreshold = `this MARAC's threshold of ${settings.escalationIncidents}`;
  const escalating = incidents !== undefined && incidents >= settings.escalationIncidents;
  const incidentsText = incidents === undefined ? "" : plural(incidents, "police-reported incident", "police-reported incidents");
  const potentialEscalation: CriterionResult = {
    id: "potentialEscalation",
    label: CRITERION_LABELS.potentialEscalation,
    met: escalating,
    explanation:
      incidents === undefined
        ? `Potential escalation: not met. The number of police-reported incidents in the last 12 months has not been given (${escalationThreshold}).`
        : escalating
          ? `Potential escalation: ${incidentsText} in the last 12 months, at or over ${escalationThreshold}.`
          : `Potential escalation: not met. ${incidentsText} in the last 12 months, below ${escalationThreshold}.`,
  };

  const hasReasons = (pj.reasons ?? "").trim() !== "";
  const pjMissingReasons = pj.ticked && !hasReasons;
  const professionalJudgement: CriterionResult = {
    id: "professionalJudgement",
    label: CRITERION_LABELS.professionalJudgement,
    met: pj.ticked && hasReasons,
    explanation: !pj.ticked
      ? "Professional judgement: not ticked."
      : hasReasons
        ? "Professional judgement: ticked, with the referrer's reasons."
        : "Professional judgement: ticked, but no reasons given yet. The reasons are required.",
  };

  const repeat = repeatCriterion(input.repeat, settings.repeatWindowMonths);
  const criteria = [visibleHighRisk, potentialEscalation, professionalJudgement, repeat] as const;
  const met = criteria.filter((c) => c.met);
  const anyMet = met.length > 0;

  if (pjMissingReasons) {
    return {
      visibleHighRisk, potentialEscalation, professionalJudgement, repeat, criteria, anyMet,
      canSubmit: false,
      message: PROFESSIONAL_JUDGEMENT_REASONS_MISSING,
      error: { field: "professionalJudgement.reasons", message: PROFESSIONAL_JUDGEMENT_REASONS_MISSING },
    };
  }
  if (!anyMet) {
    return {
      visibleHighRisk, potentialEscalation, professionalJudgement, repeat, criteria, anyMet,
      canSubmit: false,
      message:
        `This referral does not meet visible high risk (${settings.dashThreshold} or more 'yes' answers), potential escalation ` +
        `(${settings.escalationIncidents} or more police-reported incidents in the last 12 months) or repeat on this MARAC's settings. ` +
        "You can still refer on professional judgement: tick professional judgement and give the reasons for your concern.",
    };
  }
  const names = met.map((c) => c.label.toLowerCase());
  const list = names.length === 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
  return {
    visibleHighRisk, potentialEscalation, professionalJudgement, repeat, criteria, anyMet,
    canSubmit: true,
    message: `This referral meets ${plural(met.length, "criterion", "criteria")}: ${list}.`,
  };
}
