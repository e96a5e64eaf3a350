import { z } from "zod";
import { optionalText } from "./common";
import { optionalTaggedText } from "./text";

/**
 * The 24 questions of the SafeLives Dash Risk Identification Checklist, paraphrased (domain.md 2.2).
 * "The abuser" stands for the name used in the original form.
 */
export const DASH_QUESTIONS = [
  { id: "q1", text: "Has the current incident caused injury? (What, and is this the first injury?)" },
  { id: "q2", text: "Are you very frightened?" },
  { id: "q3", text: "What are you afraid of? Further injury or violence? (What the abuser might do, and to whom, including children.)" },
  { id: "q4", text: "Do you feel isolated from family or friends? Does the abuser try to stop you seeing friends, family, a doctor or others?" },
  { id: "q5", text: "Are you feeling depressed or having suicidal thoughts?" },
  { id: "q6", text: "Have you separated, or tried to separate, from the abuser in the past year?" },
  { id: "q7", text: "Is there conflict over child contact?" },
  { id: "q8", text: "Does the abuser constantly text, call, contact, follow, stalk or harass you? (Deliberately to intimidate?)" },
  { id: "q9", text: "Are you pregnant, or have you had a baby in the last 18 months?" },
  { id: "q10", text: "Is the abuse happening more often?" },
  { id: "q11", text: "Is the abuse getting worse?" },
  { id: "q12", text: "Does the abuser try to control everything you do, and/or are they excessively jealous? (Consider 'honour'-based violence.)" },
  { id: "q13", text: "Has the abuser ever used weapons or objects to hurt you?" },
  { id: "q14", text: "Has the abuser ever threatened to kill you or someone else, and you believed them? (You, children, other.)" },
  { id: "q15", text: "Has the abuser ever tried to strangle, choke, suffocate or drown you?" },
  { id: "q16", text: "Does the abuser do or say sexual things that make you feel bad or that physically hurt you or someone else?" },
  { id: "q17", text: "Is there anyone else who has threatened you or whom you are afraid of? (Consider extended family in 'honour'-based violence.)" },
  { id: "q18", text: "Do you know if the abuser has hurt anyone else? (Children, siblings, elderly relatives, previous partners, others.)" },
  { id: "q19", text: "Has the abuser ever mistreated an animal or the family pet?" },
  { id: "q20", text: "Are there financial issues? (For example, you depend on the abuser for money, or they recently lost their job.)" },
  { id: "q21", text: "In the past year, has the abuser had problems with drugs, alcohol or mental health that affect normal life?" },
  { id: "q22", text: "Has the abuser ever threatened or attempted suicide?" },
  { id: "q23", text: "Has the abuser ever broken bail, an injunction or a formal agreement about when they can see you and/or the children?" },
  { id: "q24", text: "Do you know if the abuser has ever been in trouble with the police or has a criminal history?" },
] as const;
export type DashQuestionId = (typeof DASH_QUESTIONS)[number]["id"];
export const DASH_QUESTION_IDS = DASH_QUESTIONS.map((q) => q.id) as readonly DashQuestionId[];

/** Only "yes" counts towards the Dash score; "don't know" never does. */
export const DASH_ANSWERS = ["yes", "no", "dont_know"] as const;
export type DashAnswerValue = (typeof DASH_ANSWERS)[number];

export const dashAnswerSchema = z
  .strictObject({
    answer: z
      .enum(DASH_ANSWERS, { error: "A Dash answer must be yes, no or don't know." })
      .optional(),
    comment: optionalTaggedText,
    /** Source of the information if not the victim (e.g. a police officer). */
    sourceIfNotVictim: optionalText("The source of the information", 200),
  })
  .prefault({});
export type DashAnswer = z.infer<typeof dashAnswerSchema>;

// Spelled out (not built in a loop) so the inferred type has exactly the keys q1..q24.
export const dashSchema = z.strictObject({
  answers: z.strictObject({
    q1: dashAnswerSchema, q2: dashAnswerSchema, q3: dashAnswerSchema, q4: dashAnswerSchema,
    q5: dashAnswerSchema, q6: dashAnswerSchema, q7: dashAnswerSchema, q8: dashAnswerSchema,
    q9: dashAnswerSchema, q10: dashAnswerSchema, q11: dashAnswerSchema, q12: dashAnswerSchema,
    q13: dashAnswerSchema, q14: dashAnswerSchema, q15: dashAnswerSchema, q16: dashAnswerSchema,
    q17: dashAnswerSchema, q18: dashAnswerSchema, q19: dashAnswerSchema, q20: dashAnswerSchema,
    q21: dashAnswerSchema, q22: dashAnswerSchema, q23: dashAnswerSchema, q24: dashAnswerSchema,
  }).prefault({}),
  /** The "for consideration by professional" section of the form. */
  additionalConsiderations: optionalTaggedText,
});
export type Dash = z.infer<typeof dashSchema>;
