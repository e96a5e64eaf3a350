import { decodeWeights, type EncodedWeights } from "./codec";
import { extractFeatures, FEATURE_COUNT, FeatureBuffer, featureName, type FeatureOrigins } from "./features";
import { featureScale, sigmoid } from "./logistic";

/** The tags the statistical suggester scores, one logistic regression each (one-vs-rest). */
export const MODEL_TAGS = ["immigration", "safe_contact", "health"] as const;
export type ModelTag = (typeof MODEL_TAGS)[number];

/**
 * Per tag: a score >= `high` sets the tag; a score in [`low`, `high`) sets it too (fail closed)
 * but marks the sentence uncertain for the reviewer. `context` is the (lower) bar for a sentence
 * straight after an immigration sentence in the same paragraph (immigration only).
 */
export interface TagThresholds {
  readonly low: number;
  readonly high: number;
}
export interface Thresholds {
  readonly tags: Readonly<Record<ModelTag, TagThresholds>>;
  readonly context: number;
}

/** Thresholds that never let the model set a tag: the rules (and context rule) alone. */
export const RULES_ONLY: Thresholds = {
  tags: { immigration: { low: 2, high: 2 }, safe_contact: { low: 2, high: 2 }, health: { low: 2, high: 2 } },
  context: 2,
};

/** The committed weights file (model/weights.json), written by `npm run detect:train`. */
export interface WeightsFile {
  readonly format: 1;
  readonly featureBits: number;
  /** sha256 of the training corpus files; a test checks it against the corpus. */
  readonly corpusHash: string;
  readonly thresholds: Thresholds;
  readonly models: Readonly<Record<ModelTag, EncodedWeights>>;
}

export interface LinearModel {
  /** FEATURE_COUNT x MODEL_TAGS.length, interleaved by feature so one lookup serves every tag. */
  readonly weights: Float32Array;
  readonly bias: readonly number[];
  readonly thresholds: Thresholds;
}

const STRIDE = MODEL_TAGS.length;

export function modelFromWeights(file: WeightsFile): LinearModel {
  if (file.format !== 1 || 1 << file.featureBits !== FEATURE_COUNT) {
    throw new Error("The detector weights file does not match this version of the feature code.");
  }
  const weights = new Float32Array(FEATURE_COUNT * STRIDE);
  MODEL_TAGS.forEach((tag, offset) => decodeWeights(file.models[tag], weights, STRIDE, offset));
  return { weights, bias: MODEL_TAGS.map((tag) => file.models[tag].bias), thresholds: file.thresholds };
}

/** Builds a model straight from trained (unquantised) weights: used in cross-validation. */
export function modelFromTrained(
  trained: Readonly<Record<ModelTag, { weights: Float64Array; bias: number }>>,
  thresholds: Thresholds,
): LinearModel {
  const weights = new Float32Array(FEATURE_COUNT * STRIDE);
  MODEL_TAGS.forEach((tag, offset) => {
    const w = trained[tag].weights;
    for (let i = 0; i < FEATURE_COUNT; i += 1) weights[i * STRIDE + offset] = w[i] ?? 0;
  });
  return { weights, bias: MODEL_TAGS.map((tag) => trained[tag].bias), thresholds };
}

const buffer = new FeatureBuffer();

/** The probability of each model tag for one sentence, in MODEL_TAGS order (`lower`: as in extractFeatures). */
export function scoreSentence(model: LinearModel, sentence: string, out: Float64Array, lower?: string): void {
  extractFeatures(sentence, buffer, undefined, lower);
  const { indices, length } = buffer;
  const { weights, bias } = model;
  let z0 = 0;
  let z1 = 0;
  let z2 = 0;
  for (let k = 0; k < length; k += 1) {
    const base = (indices[k] ?? 0) * STRIDE;
    z0 += weights[base] ?? 0;
    z1 += weights[base + 1] ?? 0;
    z2 += weights[base + 2] ?? 0;
  }
  const scale = featureScale(length);
  out[0] = sigmoid((bias[0] ?? 0) + z0 * scale);
  out[1] = sigmoid((bias[1] ?? 0) + z1 * scale);
  out[2] = sigmoid((bias[2] ?? 0) + z2 * scale);
}

/** The n-grams of `sentence` that push hardest towards `tag`, strongest first. */
export function strongestNgrams(model: LinearModel, sentence: string, tag: ModelTag, count: number): string[] {
  const origins: FeatureOrigins = { text: "", from: [], to: [], wordStart: [], wordEnd: [] };
  const local = new FeatureBuffer();
  extractFeatures(sentence, local, origins);
  const offset = MODEL_TAGS.indexOf(tag);
  // Sum by table index (a word counted several times adds up), keeping the first position for its name.
  const total = new Map<number, { weight: number; k: number }>();
  for (let k = 0; k < local.length; k += 1) {
    const index = local.indices[k] ?? 0;
    const w = model.weights[index * STRIDE + offset] ?? 0;
    const entry = total.get(index);
    if (entry === undefined) total.set(index, { weight: w, k });
    else entry.weight += w;
  }
  const names: string[] = [];
  for (const { k } of [...total.values()].filter((e) => e.weight > 0).sort((a, b) => b.weight - a.weight || a.k - b.k)) {
    const name = featureName(origins, k);
    if (!names.includes(name)) names.push(name);
    if (names.length === count) break;
  }
  return names;
}
