/**
 * `npm run detect:train`: trains the statistical suggester on
 * server/domain/detector/corpus/train/*.jsonl and writes server/domain/detector/model/weights.json
 * (deterministic: the same corpus gives a byte-identical file). It prints the 5-fold
 * cross-validation table (folds split by document), the thresholds chosen from it, the errors by
 * kind, and, as untouched tests, the figures on the shared dev set and on the holdout set.
 */
import { existsSync, writeFileSync } from "node:fs";
import { detectWith } from "../server/domain/detector/detect";
import { evaluate, type Evaluation } from "../server/domain/detector/evaluate";
import { MODEL_TAGS, modelFromWeights, type ModelTag, RULES_ONLY } from "../server/domain/detector/model/model";
import {
  crossValidate,
  documents,
  FOLDS,
  predictAll,
  type Prediction,
  scores,
  toWeightsFile,
  trainModels,
} from "../server/domain/detector/training";
import {
  corpusHash,
  DEFAULT_DEV_PATH,
  HOLDOUT_PATH,
  loadCorpus,
  loadTrainingCorpus,
  trainingFiles,
  WEIGHTS_PATH,
} from "./lib/detect-corpus";

const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
const files = trainingFiles();
const corpus = loadTrainingCorpus(files);
const docs = documents(corpus);
console.log(`Corpus: ${corpus.length} sentences in ${docs.length} documents (${docs.filter((d) => d.length > 1).length} narratives) from ${files.length} files.`);
for (const tag of MODEL_TAGS) console.log(`  ${tag}: ${corpus.filter((s) => s.tags.includes(tag)).length} sentences`);

const started = performance.now();
const cv = crossValidate(corpus);
const t = cv.thresholds;
const show = (x: number): string => (x > 1 ? "off" : x.toFixed(2));
console.log(`\nThresholds (chosen by ${FOLDS}-fold cross-validation by document):`);
for (const tag of MODEL_TAGS) console.log(`  ${tag}: uncertain from ${show(t.tags[tag].low)}, confident from ${show(t.tags[tag].high)}`);
console.log(`  immigration after an immigration sentence (context): ${show(t.context)}`);
for (const note of cv.notes) console.log(`  note: ${note}`);

function table(title: string, predictions: readonly Prediction[]): void {
  console.log(`\n${title}`);
  console.log("| Tag | Sentences | Precision | Recall | Single: precision | Single: recall | Narratives: precision | Narratives: recall | Uncertain |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const tag of MODEL_TAGS) {
    const all = scores(predictions, tag);
    const single = scores(predictions.filter((p) => !p.narrative), tag);
    const narrative = scores(predictions.filter((p) => p.narrative), tag);
    const uncertain = predictions.filter((p) => p.uncertain && p.tags.has(tag)).length;
    console.log(
      `| ${tag} | ${all.total} | ${pct(all.precision)} | ${pct(all.recall)} | ${pct(single.precision)} | ${pct(single.recall)} | ` +
        `${pct(narrative.precision)} | ${pct(narrative.recall)} | ${uncertain} |`,
    );
  }
}

const noModel = RULES_ONLY;
table(`Cross-validation, rules only (baseline):`, predictAll(cv.docs, noModel));
const predictions = predictAll(cv.docs, t);
table(`Cross-validation, rules + model (${FOLDS} folds by document), percentages:`, predictions);

function errorsByKind(tag: ModelTag): void {
  const kinds = new Map<string, { total: number; missed: number; falsePositives: number }>();
  for (const p of predictions) {
    const k = kinds.get(p.sentence.kind) ?? { total: 0, missed: 0, falsePositives: 0 };
    k.total += 1;
    const actual = p.sentence.tags.includes(tag);
    if (actual && !p.tags.has(tag)) k.missed += 1;
    if (!actual && p.tags.has(tag)) k.falsePositives += 1;
    kinds.set(p.sentence.kind, k);
  }
  console.log(`\n${tag}: cross-validation errors by kind (kind: sentences, missed, false positives)`);
  for (const [kind, k] of [...kinds.entries()].sort()) {
    if (k.missed + k.falsePositives > 0) console.log(`  ${kind}: ${k.total}, ${k.missed}, ${k.falsePositives}`);
  }
  for (const p of predictions) {
    const actual = p.sentence.tags.includes(tag);
    if (actual && !p.tags.has(tag)) console.log(`  FN ${p.sentence.id} [${p.sentence.kind}] ${p.sentence.text}`);
    if (!actual && p.tags.has(tag)) console.log(`  FP ${p.sentence.id} [${p.sentence.kind}] ${p.sentence.text}  {${p.rule}}`);
  }
}
for (const tag of MODEL_TAGS) errorsByKind(tag);

const weights = toWeightsFile(trainModels(corpus), t, corpusHash(files));
const json = `${JSON.stringify(weights, null, 2)}\n`;
writeFileSync(WEIGHTS_PATH, json);
console.log(`\nWrote ${WEIGHTS_PATH} (${(json.length / 1024).toFixed(0)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

// Untouched tests: the committed (quantised) model, exactly as detect() will load it.
const model = modelFromWeights(weights);
function report(name: string, result: Evaluation, baseline: Evaluation): void {
  console.log(
    `${name}: ${result.total} sentences, immigration precision ${pct(result.precision)} recall ${pct(result.recall)} ` +
      `(rules only: precision ${pct(baseline.precision)} recall ${pct(baseline.recall)})`,
  );
  for (const e of result.errors) console.log(`  ${e.kind === "false-positive" ? "FP" : "FN"} ${e.id}: ${e.text}${e.rule ? `  {${e.rule}}` : ""}`);
}
const rulesOnly = { ...model, thresholds: noModel };
for (const [name, path] of [["Shared dev set (never tuned on)", DEFAULT_DEV_PATH], ["Holdout set", HOLDOUT_PATH]] as const) {
  if (!existsSync(path)) {
    console.log(`\n${name}: SKIPPED, ${path} is absent.`);
    continue;
  }
  const items = loadCorpus(path);
  console.log("");
  report(name, evaluate(items, (text) => detectWith(text, model)), evaluate(items, (text) => detectWith(text, rulesOnly)));
}
