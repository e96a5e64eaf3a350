import type { Tag } from "../tags";
import { analyse, combine, type SentenceAnalysis } from "./detect";
import { encodeWeights } from "./model/codec";
import { extractFeatures, FEATURE_BITS, FeatureBuffer } from "./model/features";
import { DEFAULT_TRAINING, trainLogistic, type TrainedWeights, type TrainingOptions } from "./model/logistic";
import { type LinearModel, MODEL_TAGS, type ModelTag, modelFromTrained, type Thresholds, type WeightsFile } from "./model/model";

/**
 * Training and cross-validation of the statistical suggester, pure so that the
 * `detect:train` script and the tests share it. The corpus format is
 * server/domain/detector/corpus/train/*.jsonl (docs/detector.md, "Training corpus").
 */
export interface TrainingSentence {
  readonly id: string;
  /** Document id: a narrative's sentences share it; a single sentence's equals its id. */
  readonly doc: string;
  readonly text: string;
  readonly tags: readonly ModelTag[];
  readonly kind: string;
}

/** Parse and check one corpus line; throws an Error naming the problem. */
export function parseTrainingSentence(value: unknown): TrainingSentence {
  if (typeof value !== "object" || value === null) throw new Error("not a JSON object");
  const { id, doc, text, tags, kind } = value as Record<string, unknown>;
  if (typeof id !== "string" || id === "") throw new Error("missing id");
  if (typeof doc !== "string" || doc === "") throw new Error(`${id}: missing doc`);
  if (typeof text !== "string" || text.trim() === "") throw new Error(`${id}: missing text`);
  if (!Array.isArray(tags) || !tags.every((t) => (MODEL_TAGS as readonly unknown[]).includes(t))) {
    throw new Error(`${id}: tags must be a list of ${MODEL_TAGS.join(", ")}`);
  }
  return { id, doc, text, tags: tags as ModelTag[], kind: typeof kind === "string" ? kind : "" };
}

/** Sentences grouped by document, in order of first appearance. */
export function documents(corpus: readonly TrainingSentence[]): TrainingSentence[][] {
  const byDoc = new Map<string, TrainingSentence[]>();
  for (const s of corpus) {
    const group = byDoc.get(s.doc);
    if (group === undefined) byDoc.set(s.doc, [s]);
    else group.push(s);
  }
  return [...byDoc.values()];
}

/** The cross-validation fold of a document: a stable hash of its id, so folds never split a narrative. */
export function foldOf(doc: string, folds: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < doc.length; i += 1) h = Math.imul(h ^ doc.charCodeAt(i), 0x01000193);
  return (h >>> 0) % folds;
}

export type TrainedModels = Record<ModelTag, TrainedWeights>;

/** One logistic regression per model tag over every sentence of `corpus`. */
export function trainModels(corpus: readonly TrainingSentence[], options: TrainingOptions = DEFAULT_TRAINING): TrainedModels {
  const buffer = new FeatureBuffer();
  const examples = corpus.map((s) => {
    extractFeatures(s.text, buffer);
    return { features: buffer.indices.slice(0, buffer.length) };
  });
  const out = {} as TrainedModels;
  for (const tag of MODEL_TAGS) {
    out[tag] = trainLogistic(examples, corpus.map((s) => s.tags.includes(tag)), options);
  }
  return out;
}

/** A document as the detector sees it: its sentences joined by spaces, analysed by a model. */
export interface AnalysedDocument {
  readonly sentences: readonly TrainingSentence[];
  readonly text: string;
  readonly offsets: readonly number[];
  readonly analyses: readonly SentenceAnalysis[];
}

export function analyseDocument(sentences: readonly TrainingSentence[], model: LinearModel): AnalysedDocument {
  const offsets: number[] = [];
  let text = "";
  for (const s of sentences) {
    if (text !== "") text += " ";
    offsets.push(text.length);
    text += s.text;
  }
  return { sentences, text, offsets, analyses: analyse(text, model) };
}

export interface Prediction {
  readonly sentence: TrainingSentence;
  readonly tags: ReadonlySet<Tag>;
  readonly uncertain: boolean;
  readonly rule: string;
  readonly narrative: boolean;
}

/** Each corpus sentence gets the tags of the spans that overlap it. */
export function predict(doc: AnalysedDocument, thresholds: Thresholds): Prediction[] {
  const spans = combine(doc.text, doc.analyses, thresholds);
  return doc.sentences.map((sentence, index) => {
    const start = doc.offsets[index] ?? 0;
    const end = start + sentence.text.length;
    const hits = spans.filter((s) => s.start < end && s.end > start);
    return {
      sentence,
      tags: new Set(hits.flatMap((s) => s.tags)),
      uncertain: hits.some((s) => s.uncertain === true),
      rule: hits.map((s) => s.rule).join(" | "),
      narrative: doc.sentences.length > 1,
    };
  });
}

export interface Scores {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  total: number;
  precision: number;
  recall: number;
}

export function scores(predictions: readonly Prediction[], tag: ModelTag): Scores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of predictions) {
    const predicted = p.tags.has(tag);
    const actual = p.sentence.tags.includes(tag);
    if (predicted && actual) tp += 1;
    else if (predicted) fp += 1;
    else if (actual) fn += 1;
  }
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    total: predictions.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function predictAll(docs: readonly AnalysedDocument[], thresholds: Thresholds): Prediction[] {
  return docs.flatMap((d) => predict(d, thresholds));
}

/**
 * What each tag's `low` threshold aims for in cross-validation. Immigration puts recall first
 * (a miss reaches Immigration Enforcement); safe contact and health put precision first, so the
 * model does not withhold ordinary sentences from agencies that need them.
 */
export const TARGETS: Readonly<Record<ModelTag, { recall: number; precision: number; first: "recall" | "precision" }>> = {
  immigration: { recall: 0.97, precision: 0.9, first: "recall" },
  safe_contact: { recall: 0.9, precision: 0.9, first: "precision" },
  health: { recall: 0.9, precision: 0.9, first: "precision" },
};
/** Above `high`, what the model flags alone must be this precise; below it the span is uncertain. */
export const CONFIDENT_PRECISION = 0.97;

const GRID = Array.from({ length: 97 }, (_, i) => (i + 2) / 100);
const NEVER = 2;

/**
 * Thresholds from out-of-fold analyses only (never the dev set or the holdout):
 * - `low`: the highest threshold whose recall and precision meet TARGETS (the best precision at
 *   the target recall); if none meets both, for recall-first tags the highest with the target
 *   recall, for precision-first tags the lowest with the target precision;
 * - `high`: the lowest threshold >= `low` above which sentences flagged by the model alone are
 *   CONFIDENT_PRECISION precise;
 * - `context`: the lowest threshold <= immigration `low` that keeps narrative precision >= 0.90.
 */
export function chooseThresholds(docs: readonly AnalysedDocument[]): { thresholds: Thresholds; notes: string[] } {
  const notes: string[] = [];
  const tags = {} as Record<ModelTag, { low: number; high: number }>;
  for (const tag of MODEL_TAGS) tags[tag] = { low: NEVER, high: NEVER };
  const at = (t: Thresholds): Prediction[] => predictAll(docs, t);
  const flat = (tag: ModelTag, low: number, high = low): Thresholds => ({
    tags: { ...tags, [tag]: { low, high } },
    context: tag === "immigration" ? low : NEVER,
  });

  MODEL_TAGS.forEach((tag, index) => {
    const target = TARGETS[tag];
    let both: number | undefined;
    let recallOnly: number | undefined;
    let precisionOnly: number | undefined;
    for (const t of GRID) {
      const s = scores(at(flat(tag, t)), tag);
      if (s.recall >= target.recall) {
        recallOnly = t;
        if (s.precision >= target.precision) both = t;
      }
      if (s.precision >= target.precision && precisionOnly === undefined) precisionOnly = t;
    }
    const fallback = target.first === "recall" ? recallOnly : precisionOnly;
    const low = both ?? fallback ?? NEVER;
    if (both === undefined) {
      notes.push(`${tag}: no threshold reaches recall ${target.recall} at precision ${target.precision}; ${target.first} first`);
    }
    // Sentences no rule tagged, with their score and whether the corpus says they carry the tag.
    const modelOnly = docs.flatMap((doc) =>
      doc.analyses
        .filter((a) => !a.ruleTags.has(tag))
        .map((a) => ({
          score: a.scores[index] ?? 0,
          actual: doc.sentences.some((s, i) => {
            const start = doc.offsets[i] ?? 0;
            return start < a.end && start + s.text.length > a.start && s.tags.includes(tag);
          }),
        })),
    );
    let high = low > 1 ? NEVER : 1;
    for (const t of GRID.filter((g) => g >= low && low <= 1)) {
      const flagged = modelOnly.filter((m) => m.score >= t);
      if (flagged.length === 0 || flagged.filter((m) => m.actual).length / flagged.length >= CONFIDENT_PRECISION) {
        high = t;
        break;
      }
    }
    tags[tag] = { low, high: Math.max(low, high) };
  });

  const narrative = (t: Thresholds) => at(t).filter((p) => p.narrative);
  let context = tags.immigration.low;
  for (const t of GRID.filter((g) => g <= tags.immigration.low).reverse()) {
    if (scores(narrative({ tags, context: t }), "immigration").precision >= 0.9) context = t;
    else break;
  }
  return { thresholds: { tags, context }, notes };
}

export interface CrossValidation {
  /** Every document analysed by the model trained on the other folds. */
  readonly docs: AnalysedDocument[];
  readonly thresholds: Thresholds;
  readonly notes: string[];
}

export const FOLDS = 5;

/** K-fold cross-validation split by document; thresholds are chosen on the pooled out-of-fold analyses. */
export function crossValidate(
  corpus: readonly TrainingSentence[],
  folds = FOLDS,
  options: TrainingOptions = DEFAULT_TRAINING,
): CrossValidation {
  const docs = documents(corpus);
  const analysed: AnalysedDocument[] = [];
  const placeholder: Thresholds = {
    tags: { immigration: { low: NEVER, high: NEVER }, safe_contact: { low: NEVER, high: NEVER }, health: { low: NEVER, high: NEVER } },
    context: NEVER,
  };
  for (let fold = 0; fold < folds; fold += 1) {
    const train = docs.filter((d) => foldOf(d[0]?.doc ?? "", folds) !== fold).flat();
    const test = docs.filter((d) => foldOf(d[0]?.doc ?? "", folds) === fold);
    const model = modelFromTrained(trainModels(train, options), placeholder);
    for (const d of test) analysed.push(analyseDocument(d, model));
  }
  const { thresholds, notes } = chooseThresholds(analysed);
  return { docs: analysed, thresholds, notes };
}

/** Weights smaller than this are dropped from the committed file (they barely move a score). */
export const PRUNE_BELOW = 0.002;

export function toWeightsFile(trained: TrainedModels, thresholds: Thresholds, corpusHash: string): WeightsFile {
  const models = {} as Record<ModelTag, ReturnType<typeof encodeWeights>>;
  for (const tag of MODEL_TAGS) models[tag] = encodeWeights(trained[tag].weights, trained[tag].bias, PRUNE_BELOW);
  return { format: 1, featureBits: FEATURE_BITS, corpusHash, thresholds, models };
}
