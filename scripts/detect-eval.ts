/**
 * `npm run detect:eval [-- DEV_PATH]`: precision, recall and F1 of the `immigration` tag on the
 * shared dev set (default ../shared/corpus/dev.jsonl, relative to the repository root) and on
 * the detector's own holdout set, with every false positive and false negative listed.
 */
import { resolve } from "node:path";
import { evaluate, type Evaluation, type LabelledSentence } from "../server/domain/detector/evaluate";
import { DEFAULT_DEV_PATH, HOLDOUT_PATH, loadCorpus, REPO_ROOT, SHARED_DEV_SET_ABSENT, sharedDevSetPresent } from "./lib/detect-corpus";

const devPath = process.argv[2] === undefined ? DEFAULT_DEV_PATH : resolve(REPO_ROOT, process.argv[2]);
const holdoutPath = HOLDOUT_PATH;

function report(name: string, path: string, result: Evaluation): void {
  const pct = (x: number): string => x.toFixed(3);
  console.log(`\n== ${name} (${path})`);
  console.log(
    `sentences ${result.total}  TP ${result.truePositives}  FP ${result.falsePositives}  FN ${result.falseNegatives}  ` +
      `precision ${pct(result.precision)}  recall ${pct(result.recall)}  F1 ${pct(result.f1)}`,
  );
  for (const e of result.errors) {
    const tail = e.kind === "false-positive" ? `  [fired: ${e.rule ?? "?"}]` : `  [why: ${e.why ?? "?"}]`;
    console.log(`  ${e.kind === "false-positive" ? "FP" : "FN"} ${e.id}: ${e.text}${tail}`);
  }
}

let failed = false;
// Without ../shared the default dev set is skipped, not an error; a path given by hand must exist.
const skipDev = process.argv[2] === undefined && !sharedDevSetPresent();
if (skipDev) console.log(`\n== dev ${SHARED_DEV_SET_ABSENT}`);
const sets = skipDev ? ([["holdout", holdoutPath]] as const) : ([["dev", devPath], ["holdout", holdoutPath]] as const);
for (const [name, path] of sets) {
  let items: LabelledSentence[];
  try {
    items = loadCorpus(path);
  } catch (error) {
    console.error(`Cannot read the ${name} set: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
    continue;
  }
  report(name, path, evaluate(items));
}
if (failed) process.exitCode = 1;
