import { FEATURE_COUNT } from "./features";
import { mulberry32 } from "../../random";

/**
 * Binary logistic regression over hashed sparse features, trained by stochastic gradient
 * descent with per-feature AdaGrad steps and L2 decay, visiting examples in an order drawn from
 * a seeded generator: the same examples and options always give the same weights.
 * Classes can be weighted to balance; the committed model is not (decision 041).
 */
export interface TrainingExample {
  /** Feature indices, repeated if an n-gram occurs twice. */
  readonly features: Int32Array;
}

export interface TrainingOptions {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
  /** Weight the classes to balance. */
  readonly balance: boolean;
}

// Unbalanced, with a firmer L2 than before: balancing pushed every short, ordinary sentence towards
// a rare tag ("He threw a mug." scored 0.94 health); thresholds are chosen by cross-validation anyway.
export const DEFAULT_TRAINING: TrainingOptions = { epochs: 20, learningRate: 0.2, l2: 1e-4, seed: 20_251_129, balance: false };

export interface TrainedWeights {
  readonly weights: Float64Array;
  readonly bias: number;
}

/** Each example's feature values are 1/sqrt(number of features), so long sentences do not dominate. */
export function featureScale(length: number): number {
  return length === 0 ? 0 : 1 / Math.sqrt(length);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function trainLogistic(
  examples: readonly TrainingExample[],
  labels: readonly boolean[],
  options: TrainingOptions = DEFAULT_TRAINING,
): TrainedWeights {
  const weights = new Float64Array(FEATURE_COUNT);
  const squares = new Float64Array(FEATURE_COUNT);
  let bias = 0;
  let biasSquares = 0;
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return { weights, bias: positives === 0 ? -10 : 10 };
  const positiveWeight = options.balance ? labels.length / (2 * positives) : 1;
  const negativeWeight = options.balance ? labels.length / (2 * negatives) : 1;

  const order = examples.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const swap = order[i] ?? 0;
      order[i] = order[j] ?? 0;
      order[j] = swap;
    }
    for (const index of order) {
      const example = examples[index];
      if (example === undefined) continue;
      const { features } = example;
      const scale = featureScale(features.length);
      let z = bias;
      for (let k = 0; k < features.length; k += 1) z += (weights[features[k] ?? 0] ?? 0) * scale;
      const label = labels[index] === true;
      const gradient = (sigmoid(z) - (label ? 1 : 0)) * (label ? positiveWeight : negativeWeight);
      biasSquares += gradient * gradient;
      bias -= (options.learningRate * gradient) / Math.sqrt(biasSquares + 1e-8);
      for (let k = 0; k < features.length; k += 1) {
        const f = features[k] ?? 0;
        const w = weights[f] ?? 0;
        const g = gradient * scale + options.l2 * w;
        const s = (squares[f] ?? 0) + g * g;
        squares[f] = s;
        weights[f] = w - (options.learningRate * g) / Math.sqrt(s + 1e-8);
      }
    }
  }
  return { weights, bias };
}
