import { describe, expect, it } from "vitest";
import { makeMarkerCase, makeSampleCase } from "../testing/fixtures";
import { DASH_QUESTION_IDS, DASH_QUESTIONS } from "./dash";
import { caseRecordSchema } from "./schema";
import { taggedTextSchema } from "./text";

const minimal = {
  caseId: "c1",
  caseNumber: "M-1",
  referring: { agencyName: "Police", officerName: "PC Smith", referralDate: "2025-01-31" },
  victim: { name: "A" },
  perpetrators: [{ name: "B" }],
};

describe("case record schema", () => {
  it("accepts the sample and marker cases", () => {
    expect(caseRecordSchema.safeParse(makeSampleCase()).success).toBe(true);
    expect(caseRecordSchema.safeParse(makeMarkerCase()).success).toBe(true);
  });

  it("needs only identity, referrer and one perpetrator; immigration status defaults to unknown and is never required", () => {
    const parsed = caseRecordSchema.parse(minimal);
    expect(parsed.victim.immigrationStatus).toBe("unknown");
    expect(parsed.victim.noRecourseToPublicFunds).toBe("unknown");
    expect(parsed.householdMembers).toEqual([]);
    expect(parsed.dash.answers.q24.answer).toBeUndefined();
    expect(parsed.narrative).toEqual({ text: "", spans: [] });
  });

  it("explains a bad date in plain English with the expected form", () => {
    const result = caseRecordSchema.safeParse({ ...minimal, referring: { ...minimal.referring, referralDate: "31/01/2025" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Enter the referral date as a date in the form yyyy-mm-dd, for example 2024-03-31.");
  });

  it("refuses a case without a perpetrator, saying so", () => {
    const result = caseRecordSchema.safeParse({ ...minimal, perpetrators: [] });
    expect(result.error?.issues[0]?.message).toBe("Add at least one perpetrator.");
  });

  it("refuses an unknown immigration status with a plain message", () => {
    const result = caseRecordSchema.safeParse({ ...minimal, victim: { name: "A", immigrationStatus: "illegal" } });
    expect(result.error?.issues[0]?.message).toBe("Choose an immigration status from the list, or leave it as not known.");
  });

  it("refuses spans outside the text or ending before they start", () => {
    expect(taggedTextSchema.safeParse({ text: "abc", spans: [{ start: 0, end: 9, tags: ["health"], source: "manual" }] }).success).toBe(false);
    expect(taggedTextSchema.safeParse({ text: "abc", spans: [{ start: 2, end: 1, tags: ["health"], source: "manual" }] }).success).toBe(false);
    expect(taggedTextSchema.safeParse({ text: "abc", spans: [{ start: 0, end: 3, tags: [], source: "manual" }] }).success).toBe(false);
  });

  it("holds the 24 Dash questions as data, q1 to q24", () => {
    expect(DASH_QUESTIONS).toHaveLength(24);
    expect(DASH_QUESTION_IDS).toEqual(Array.from({ length: 24 }, (_, i) => `q${i + 1}`));
    expect(Object.keys(caseRecordSchema.parse(minimal).dash.answers)).toEqual(DASH_QUESTION_IDS);
  });
});
