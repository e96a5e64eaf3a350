import { detect, type DetectedSpan } from "./detect";

/**
 * Evaluation of the `immigration` tag over labelled sentences (the corpus format of
 * /work/shared/corpus: `{id, text, label, why}`), pure so that the test and the
 * `detect:eval` script share it. Items with the same `narrative` id (consecutive lines) are
 * joined with a space into one text and detected together, so the context rule can act; every
 * other item is detected on its own. A sentence is predicted `immigration` if any span tagged
 * `immigration` overlaps it.
 */
export interface LabelledSentence {
  id: string;
  text: string;
  label: "immigration" | "none";
  why?: string;
  narrative?: string;
}

export interface EvaluationError {
  id: string;
  text: string;
  kind: "false-positive" | "false-negative";
  why?: string;
  rule?: string;
}

export interface Evaluation {
  total: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  errors: EvaluationError[];
}

/** Parse and check one corpus line; throws an Error naming the problem. */
export function parseLabelledSentence(value: unknown): LabelledSentence {
  if (typeof value !== "object" || value === null) throw new Error("not a JSON object");
  const record = value as Record<string, unknown>;
  const { id, text, label, why, narrative } = record;
  if (typeof id !== "string" || id === "") throw new Error("missing id");
  if (typeof text !== "string") throw new Error(`${id}: missing text`);
  if (label !== "immigration" && label !== "none") throw new Error(`${id}: label must be immigration or none`);
  return {
    id,
    text,
    label,
    ...(typeof why === "string" ? { why } : {}),
    ...(typeof narrative === "string" ? { narrative } : {}),
  };
}

function groups(items: readonly LabelledSentence[]): LabelledSentence[][] {
  const out: LabelledSentence[][] = [];
  for (const item of items) {
    const last = out.at(-1);
    const lastNarrative = last?.[0]?.narrative;
    if (last !== undefined && item.narrative !== undefined && item.narrative === lastNarrative) last.push(item);
    else out.push([item]);
  }
  return out;
}

/** `detector` defaults to the committed `detect`; training passes a freshly trained model. */
export function evaluate(
  items: readonly LabelledSentence[],
  detector: (text: string) => DetectedSpan[] = detect,
): Evaluation {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const errors: EvaluationError[] = [];
  for (const group of groups(items)) {
    const offsets: number[] = [];
    let text = "";
    for (const item of group) {
      if (text !== "") text += " ";
      offsets.push(text.length);
      text += item.text;
    }
    const spans = detector(text).filter((s) => s.tags.includes("immigration"));
    group.forEach((item, index) => {
      const start = offsets[index] ?? 0;
      const end = start + item.text.length;
      const hit = spans.find((s) => s.start < end && s.end > start);
      const predicted = hit !== undefined;
      const actual = item.label === "immigration";
      if (predicted && actual) tp += 1;
      else if (predicted && !actual) {
        fp += 1;
        errors.push({ id: item.id, text: item.text, kind: "false-positive", ...(item.why ? { why: item.why } : {}), rule: hit.rule });
      } else if (!predicted && actual) {
        fn += 1;
        errors.push({ id: item.id, text: item.text, kind: "false-negative", ...(item.why ? { why: item.why } : {}) });
      }
    });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { total: items.length, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision, recall, f1, errors };
}
