import { describe, expect, it } from "vitest";
import { CASE_CATALOGUE } from "../case/catalogue";
import { DASH_QUESTION_IDS } from "../case/dash";
import { isTag } from "../tags";
import { isRiskFactorId, RISK_FACTORS, riskFactorById, type RiskFactor } from "./risk-factors";

describe("risk factors", () => {
  it.each<[string, readonly string[]]>([
    ["non_fatal_strangulation", []],
    ["stalking", []],
    ["threats_to_kill", []],
    ["recent_separation", []],
    ["pregnancy_or_new_baby", ["health"]],
    ["escalation", []],
    ["weapons", []],
    ["honour_based_abuse_or_forced_marriage", []],
    ["coercive_control", []],
    ["child_contact_conflict", []],
    ["sexual_abuse", []],
    ["perpetrator_suicide_threats", []],
    ["financial_control", []],
    ["isolation", []],
    ["immigration_status_abuse", ["immigration"]],
  ])("%s is in the list, tagged %j", (id, tags) => {
    const factor = riskFactorById(id);
    expect(factor?.tags).toEqual(tags);
    expect(factor?.label.trim()).not.toBe("");
  });

  it("has unique ids and labels, known tags and real Dash question ids", () => {
    expect(new Set(RISK_FACTORS.map((f) => f.id)).size).toBe(RISK_FACTORS.length);
    expect(new Set(RISK_FACTORS.map((f) => f.label)).size).toBe(RISK_FACTORS.length);
    for (const f of RISK_FACTORS as readonly RiskFactor[]) {
      for (const tag of f.tags) expect(isTag(tag)).toBe(true);
      if (f.dashQuestion !== undefined) expect(DASH_QUESTION_IDS).toContain(f.dashQuestion);
    }
  });

  it("a flag carries the same tags as the Dash answer it mirrors, so it never shows what the answer hides", () => {
    for (const f of RISK_FACTORS as readonly RiskFactor[]) {
      if (f.dashQuestion === undefined) continue;
      expect([...f.tags].sort(), f.id).toEqual([...CASE_CATALOGUE.dash.fields.answers.fields[f.dashQuestion].tags].sort());
    }
  });

  it("finds nothing for an unknown id", () => {
    expect(riskFactorById("made_up")).toBeUndefined();
    expect(isRiskFactorId("made_up")).toBe(false);
    expect(isRiskFactorId("stalking")).toBe(true);
  });
});
