import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DASH_ANSWERS, DASH_QUESTION_IDS, dashSchema, type DashAnswerValue, type DashQuestionId } from "../case/dash";
import { dashScore, MAX_DASH_SCORE, type DashAnswersInput } from "./scoring";

/** Answers as the record holds them, from a list of answers for q1, q2, ... */
const record = (values: readonly (DashAnswerValue | undefined)[]) =>
  dashSchema.parse({
    answers: Object.fromEntries(DASH_QUESTION_IDS.map((id, i) => [id, values[i] === undefined ? {} : { answer: values[i] }])),
  }).answers;

const arbAnswers = fc.array(fc.option(fc.constantFrom(...DASH_ANSWERS), { nil: undefined }), { minLength: 24, maxLength: 24 });

describe("dashScore", () => {
  it.each<[string, (DashAnswerValue | undefined)[], number]>([
    ["nothing answered", [], 0],
    ["all 24 yes", Array<DashAnswerValue>(24).fill("yes"), 24],
    ["all 24 don't know", Array<DashAnswerValue>(24).fill("dont_know"), 0],
    ["all 24 no", Array<DashAnswerValue>(24).fill("no"), 0],
    ["13 yes and 11 don't know", [...Array<DashAnswerValue>(13).fill("yes"), ...Array<DashAnswerValue>(11).fill("dont_know")], 13],
    ["14 yes, the rest unanswered", Array<DashAnswerValue>(14).fill("yes"), 14],
    ["yes, no, don't know, unanswered alternating", Array.from({ length: 24 }, (_, i) => (["yes", "no", "dont_know", undefined] as const)[i % 4]), 6],
  ])("%s scores %i", (_name, values, expected) => {
    expect(dashScore(record(values))).toBe(expected);
  });

  it("scores a half-filled form (questions missing altogether)", () => {
    const partial: DashAnswersInput = { q1: { answer: "yes" }, q15: { answer: "yes" }, q16: {}, q2: { answer: "dont_know" } };
    expect(dashScore(partial)).toBe(2);
  });

  it("counts only q1..q24, ignoring anything else an untyped caller sends", () => {
    const extra = { q1: { answer: "yes" }, q25: { answer: "yes" }, total: { answer: "yes" } } as const;
    expect(dashScore(extra)).toBe(1);
  });

  it("property: the score is the number of yes answers, between 0 and 24", () => {
    fc.assert(
      fc.property(arbAnswers, (values) => {
        const score = dashScore(record(values));
        expect(score).toBe(values.filter((v) => v === "yes").length);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(MAX_DASH_SCORE);
      }),
    );
  });

  it("property: changing any answer to don't know never raises the score, and lowers it by one exactly when it was yes", () => {
    fc.assert(
      fc.property(arbAnswers, fc.integer({ min: 0, max: 23 }), (values, i) => {
        const changed = values.map((v, j) => (j === i ? "dont_know" : v));
        const drop = values[i] === "yes" ? 1 : 0;
        expect(dashScore(record(changed))).toBe(dashScore(record(values)) - drop);
      }),
    );
  });

  it("property: a question's id decides nothing but whether it is one of the 24", () => {
    fc.assert(
      fc.property(fc.subarray([...DASH_QUESTION_IDS]), (yes: DashQuestionId[]) => {
        const answers: DashAnswersInput = Object.fromEntries(yes.map((id) => [id, { answer: "yes" }]));
        expect(dashScore(answers)).toBe(yes.length);
      }),
    );
  });
});
