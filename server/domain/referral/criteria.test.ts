import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CRITERION_IDS, DEFAULT_MARAC_SETTINGS, evaluateCriteria, LAWFUL_BASES, maracSettingsSchema, PROFESSIONAL_JUDGEMENT_GROUNDS,
  PROFESSIONAL_JUDGEMENT_REASONS_MISSING, type CriteriaInput, type MaracSettings,
} from "./criteria";
import type { RepeatResult } from "./repeat";

/** A MARAC with non-default thresholds, as some areas set them (design.md section 2). */
const LOCAL: MaracSettings = { dashThreshold: 17, escalationIncidents: 5, repeatWindowMonths: 6 };

const none: CriteriaInput = {
  score: 0,
  policeIncidentsLast12Months: 0,
  professionalJudgement: { ticked: false },
  repeat: { isRepeat: false },
};

describe("visible high risk", () => {
  it.each([
    [16, false, "Visible high risk: not met. 16 'yes' answers, below this MARAC's threshold of 17."],
    [17, true, "Visible high risk: 17 'yes' answers, at or over this MARAC's threshold of 17."],
    [18, true, "Visible high risk: 18 'yes' answers, at or over this MARAC's threshold of 17."],
  ])("score %i on a threshold of 17: met %s", (score, met, explanation) => {
    const r = evaluateCriteria({ ...none, score }, LOCAL);
    expect(r.visibleHighRisk.met).toBe(met);
    expect(r.visibleHighRisk.explanation).toBe(explanation);
    expect(r.canSubmit).toBe(met);
  });

  it("quotes the default threshold on default settings, and writes one answer in the singular", () => {
    expect(evaluateCriteria({ ...none, score: 15 }, DEFAULT_MARAC_SETTINGS).visibleHighRisk.explanation).toBe(
      "Visible high risk: 15 'yes' answers, at or over this MARAC's threshold of 14.",
    );
    expect(evaluateCriteria({ ...none, score: 1 }, DEFAULT_MARAC_SETTINGS).visibleHighRisk.explanation).toBe(
      "Visible high risk: not met. 1 'yes' answer, below this MARAC's threshold of 14.",
    );
  });

  it("14 is not enough where the MARAC's threshold is 17", () => {
    expect(evaluateCriteria({ ...none, score: 14 }, LOCAL).visibleHighRisk.met).toBe(false);
    expect(evaluateCriteria({ ...none, score: 14 }, DEFAULT_MARAC_SETTINGS).visibleHighRisk.met).toBe(true);
  });
});

describe("potential escalation", () => {
  it.each([
    [4, false, "Potential escalation: not met. 4 police-reported incidents in the last 12 months, below this MARAC's threshold of 5."],
    [5, true, "Potential escalation: 5 police-reported incidents in the last 12 months, at or over this MARAC's threshold of 5."],
    [6, true, "Potential escalation: 6 police-reported incidents in the last 12 months, at or over this MARAC's threshold of 5."],
    [1, false, "Potential escalation: not met. 1 police-reported incident in the last 12 months, below this MARAC's threshold of 5."],
  ])("%i incidents on a threshold of 5: met %s", (incidents, met, explanation) => {
    const r = evaluateCriteria({ ...none, policeIncidentsLast12Months: incidents }, LOCAL);
    expect(r.potentialEscalation.met).toBe(met);
    expect(r.potentialEscalation.explanation).toBe(explanation);
    expect(r.canSubmit).toBe(met);
  });

  it("is not met when the number of incidents is not given, and says so", () => {
    const r = evaluateCriteria({ ...none, policeIncidentsLast12Months: undefined }, LOCAL);
    expect(r.potentialEscalation.met).toBe(false);
    expect(r.potentialEscalation.explanation).toBe(
      "Potential escalation: not met. The number of police-reported incidents in the last 12 months has not been given (this MARAC's threshold of 5).",
    );
  });
});

describe("repeat", () => {
  const within: RepeatResult = { isRepeat: true, lastReferralDate: "2025-01-31", lastCaseNumber: "M-12", monthsSince: 6 };
  const outside: RepeatResult = { isRepeat: false, lastReferralDate: "2024-07-31", lastCaseNumber: "M-3", monthsSince: 7 };
  it.each<[string, RepeatResult | boolean, boolean, string]>([
    ["within the window", within, true, "Repeat: the victim's last MARAC referral was on 31 January 2025 (case M-12), 6 months ago, within this MARAC's repeat window of 6 months."],
    ["outside the window", outside, false, "Repeat: not met. The victim's last MARAC referral was on 31 July 2024 (case M-3), 7 months ago, outside this MARAC's repeat window of 6 months."],
    ["the same month", { isRepeat: true, lastReferralDate: "2025-07-01", lastCaseNumber: "M-9", monthsSince: 0 }, true, "Repeat: the victim's last MARAC referral was on 1 July 2025 (case M-9), less than a month ago, within this MARAC's repeat window of 6 months."],
    ["no earlier referral", { isRepeat: false }, false, "Repeat: not met. No earlier MARAC referral of this victim has been found or confirmed."],
    ["marked yes on the record", true, true, "Repeat: marked as a repeat referral, within this MARAC's repeat window of 6 months of the victim's last MARAC referral."],
    ["marked no on the record", false, false, "Repeat: not met. This referral is not marked as a repeat."],
  ])("%s", (_name, repeat, met, explanation) => {
    const r = evaluateCriteria({ ...none, repeat }, LOCAL);
    expect(r.repeat.met).toBe(met);
    expect(r.repeat.explanation).toBe(explanation);
  });

  it("a repeat can be submitted whatever its score", () => {
    const r = evaluateCriteria({ ...none, score: 0, repeat: within }, LOCAL);
    expect(r.canSubmit).toBe(true);
    expect(r.message).toBe("This referral meets 1 criterion: repeat.");
  });
});

describe("professional judgement and submitting", () => {
  it.each<[string, CriteriaInput["professionalJudgement"], boolean, boolean]>([
    ["not ticked", { ticked: false }, false, false],
    ["not ticked, reasons written anyway", { ticked: false, reasons: "Extreme fear." }, false, false],
    ["ticked with reasons", { ticked: true, reasons: "Strangled last week; she believes he will kill her." }, true, true],
    ["ticked, no reasons", { ticked: true }, false, false],
    ["ticked, blank reasons", { ticked: true, reasons: "  \n " }, false, false],
  ])("%s: met %s, can submit %s (no other criterion met)", (_name, professionalJudgement, met, canSubmit) => {
    const r = evaluateCriteria({ ...none, professionalJudgement }, LOCAL);
    expect(r.professionalJudgement.met).toBe(met);
    expect(r.canSubmit).toBe(canSubmit);
  });

  it("a referral meeting no criterion says plainly, before submit, that it can go only on professional judgement with reasons", () => {
    const r = evaluateCriteria({ ...none, score: 16, policeIncidentsLast12Months: 4 }, LOCAL);
    expect(r.anyMet).toBe(false);
    expect(r.canSubmit).toBe(false);
    expect(r.error).toBeUndefined();
    expect(r.message).toBe(
      "This referral does not meet visible high risk (17 or more 'yes' answers), potential escalation (5 or more police-reported incidents in the last 12 months) or repeat on this MARAC's settings. You can still refer on professional judgement: tick professional judgement and give the reasons for your concern.",
    );
  });

  it("professional judgement ticked without reasons is an error on the reasons field, even when another criterion is met", () => {
    const r = evaluateCriteria({ ...none, score: 20, professionalJudgement: { ticked: true, reasons: "" } }, LOCAL);
    expect(r.visibleHighRisk.met).toBe(true);
    expect(r.canSubmit).toBe(false);
    expect(r.error).toEqual({ field: "professionalJudgement.reasons", message: PROFESSIONAL_JUDGEMENT_REASONS_MISSING });
    expect(r.message).toBe("You have ticked professional judgement: give the reasons for your concern.");
  });

  it("lists every criterion met", () => {
    const r = evaluateCriteria(
      { score: 17, policeIncidentsLast12Months: 5, professionalJudgement: { ticked: true, reasons: "Threats to kill." }, repeat: true },
      LOCAL,
    );
    expect(r.criteria.map((c) => c.met)).toEqual([true, true, true, true]);
    expect(r.message).toBe("This referral meets 4 criteria: visible high risk, potential escalation, professional judgement and repeat.");
  });

  it("property: can submit exactly when some criterion is met and professional judgement is not ticked without reasons", () => {
    const arbSettings = fc.record({
      dashThreshold: fc.integer({ min: 1, max: 24 }),
      escalationIncidents: fc.integer({ min: 1, max: 20 }),
      repeatWindowMonths: fc.integer({ min: 1, max: 36 }),
    });
    const arbInput = fc.record({
      score: fc.integer({ min: 0, max: 24 }),
      policeIncidentsLast12Months: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
      professionalJudgement: fc.record({ ticked: fc.boolean(), reasons: fc.option(fc.constantFrom("", " ", "Stalking."), { nil: undefined }) }),
      repeat: fc.boolean(),
    });
    fc.assert(
      fc.property(arbInput, arbSettings, (input, settings) => {
        const r = evaluateCriteria(input, settings);
        const reasonsGiven = (input.professionalJudgement.reasons ?? "").trim() !== "";
        expect(r.visibleHighRisk.met).toBe(input.score >= settings.dashThreshold);
        expect(r.potentialEscalation.met).toBe((input.policeIncidentsLast12Months ?? -1) >= settings.escalationIncidents);
        expect(r.professionalJudgement.met).toBe(input.professionalJudgement.ticked && reasonsGiven);
        expect(r.repeat.met).toBe(input.repeat);
        expect(r.anyMet).toBe(r.criteria.some((c) => c.met));
        const missingReasons = input.professionalJudgement.ticked && !reasonsGiven;
        expect(r.canSubmit).toBe(r.anyMet && !missingReasons);
        expect(r.error !== undefined).toBe(missingReasons);
        expect(r.criteria.map((c) => c.id)).toEqual([...CRITERION_IDS]);
        expect(r.visibleHighRisk.explanation).toContain(`threshold of ${settings.dashThreshold}`);
        expect(r.potentialEscalation.explanation).toContain(`threshold of ${settings.escalationIncidents}`);
      }),
    );
  });

  it("property: professional judgement never lowers the other criteria", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 10 }), fc.boolean(), (score, incidents, repeat) => {
        const without = evaluateCriteria({ ...none, score, policeIncidentsLast12Months: incidents, repeat }, LOCAL);
        const withPj = evaluateCriteria(
          { score, policeIncidentsLast12Months: incidents, repeat, professionalJudgement: { ticked: true, reasons: "Fear." } },
          LOCAL,
        );
        for (const id of ["visibleHighRisk", "potentialEscalation", "repeat"] as const) expect(withPj[id].met).toBe(without[id].met);
        expect(withPj.canSubmit).toBe(true);
      }),
    );
  });
});

describe("settings, grounds and lawful bases", () => {
  it.each([
    [{ dashThreshold: 17, escalationIncidents: 5, repeatWindowMonths: 12 }, true],
    [{ dashThreshold: 0, escalationIncidents: 3, repeatWindowMonths: 12 }, false],
    [{ dashThreshold: 25, escalationIncidents: 3, repeatWindowMonths: 12 }, false],
    [{ dashThreshold: 14, escalationIncidents: 2.5, repeatWindowMonths: 12 }, false],
    [{ dashThreshold: 14, escalationIncidents: 3, repeatWindowMonths: 0 }, false],
  ])("settings %o valid: %s", (settings, valid) => {
    expect(maracSettingsSchema.safeParse(settings).success).toBe(valid);
  });

  it("the SafeLives defaults are valid settings", () => {
    expect(maracSettingsSchema.parse(DEFAULT_MARAC_SETTINGS)).toEqual({ dashThreshold: 14, escalationIncidents: 3, repeatWindowMonths: 12 });
  });

  it("lists the recognised professional-judgement grounds, including immigration and language barriers", () => {
    const text = PROFESSIONAL_JUDGEMENT_GROUNDS.join("\n").toLowerCase();
    for (const ground of ["strangulation", "stalking", "threats to kill", "separation", "pregnancy", "escalation", "honour", "forced marriage", "immigration", "language", "fear", "below the dash threshold"]) {
      expect(text).toContain(ground);
    }
    expect(new Set(PROFESSIONAL_JUDGEMENT_GROUNDS).size).toBe(PROFESSIONAL_JUDGEMENT_GROUNDS.length);
  });

  it("lists the lawful bases and gateways with unique ids and an explanation each", () => {
    const ids = LAWFUL_BASES.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([
      "uk_gdpr_6_1_e_public_task", "uk_gdpr_6_1_d_vital_interests", "uk_gdpr_9_2_g_dpa_sch1_para18_safeguarding", "crime_and_disorder_act_1998_s115",
    ]));
    for (const b of LAWFUL_BASES) {
      expect(b.label.trim()).not.toBe("");
      expect(b.explanation.trim()).not.toBe("");
    }
  });
});
