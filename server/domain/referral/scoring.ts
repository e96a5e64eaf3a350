import { DASH_QUESTION_IDS, type DashAnswerValue, type DashQuestionId } from "../case/dash";

/**
 * The Dash answers as the record holds them (`CaseRecord["dash"]["answers"]`), or as a half-filled
 * form holds them: any question may be missing or unanswered.
 */
export type DashAnswersInput = {
  readonly [Q in DashQuestionId]?: { readonly answer?: DashAnswerValue | undefined } | undefined;
};

/** The highest possible Dash score: one per question. */
export const MAX_DASH_SCORE = DASH_QUESTION_IDS.length;

/**
 * The Dash RIC score (domain.md 2.1): the number of questions q1..q24 answered "yes".
 * "No", "don't know" and unanswered questions never count; keys other than q1..q24 are ignored.
 */
export function dashScore(answers: DashAnswersInput): number {
  let score = 0;
  for (const id of DASH_QUESTION_IDS) {
    if (answers[id]?.answer === "yes") score += 1;
  }
  return score;
}
