/**
 * Loading the detector's labelled corpora (JSONL, one `{id, text, label, why, narrative?}` a
 * line), shared by `npm run detect:eval` and the acceptance test in server/domain/detector (the
 * pure core may not read files itself). A missing file is an error with a clear message.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseLabelledSentence, type LabelledSentence } from "../../server/domain/detector/evaluate";

export const REPO_ROOT = resolve(fileURLToPath(new URL("../../", import.meta.url)));
/** The shared dev set: ../shared/corpus/dev.jsonl relative to the repository root. */
export const DEFAULT_DEV_PATH = resolve(REPO_ROOT, "../shared/corpus/dev.jsonl");
/** The detector's own holdout set, written before the rules were tuned. */
export const HOLDOUT_PATH = resolve(REPO_ROOT, "server/domain/detector/corpus/holdout.jsonl");

export class CorpusError extends Error {}

/**
 * Whether the shared dev set sits beside the repository. A clone of this repository alone has no
 * ../shared: the dev-set test and `npm run detect:eval` then skip it and say so (CI has it).
 */
export function sharedDevSetPresent(): boolean {
  return existsSync(DEFAULT_DEV_PATH);
}

export const SHARED_DEV_SET_ABSENT = `skipped: the shared dev set ${DEFAULT_DEV_PATH} is absent (it lives in ../shared/corpus beside the repository)`;

export function loadCorpus(path: string): LabelledSentence[] {
  if (!existsSync(path)) {
    throw new CorpusError(
      `Corpus file not found: ${path}. The shared dev set is expected at ../shared/corpus/dev.jsonl ` +
        "relative to the repository root (or pass a path to npm run detect:eval).",
    );
  }
  const items: LabelledSentence[] = [];
  readFileSync(path, "utf8")
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() === "") return;
      try {
        items.push(parseLabelledSentence(JSON.parse(line)));
      } catch (error) {
        throw new CorpusError(`${path}:${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  return items;
}
