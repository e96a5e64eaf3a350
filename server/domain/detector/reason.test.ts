import { describe, expect, it } from "vitest";
import { DETECTOR_RULES, suggestionReason } from "./index";

describe("why a tag was suggested", () => {
  it("says it in plain English, without the rule id", () => {
    for (const rule of DETECTOR_RULES.filter((r) => r.kind === "rule")) {
      const reason = suggestionReason(rule.tag, rule.id);
      expect(reason).not.toContain(rule.id);
      expect(reason).toContain(rule.description);
    }
  });

  it("says when the detector is unsure, and copes with an unknown rule", () => {
    expect(suggestionReason("health", "health.pregnancy", true)).toMatch(/unsure/);
    expect(suggestionReason("immigration", "no.such.rule")).toBe("It looks like immigration information.");
  });
});
