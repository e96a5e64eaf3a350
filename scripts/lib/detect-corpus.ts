/**
 * Loading the detector's labelled corpora (JSONL, one `{id, text, label, why, narrative?}` a
 * line), shared by `npm run detect:eval` and the acceptance test in server/domain/detector (the
 * pure core may not read files itself). A missing file is an error with a clear message.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseLabelledSentence, type LabelledSentence } from "../../server/domain/detector/evaluate";
import { parseTrainingSentence, type TrainingSentence } from "../../server/domain/detector/training";

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

/** The training corpus folder (docs/detector.md, "Training corpus"). */
export const TRAINING_DIR = resolve(REPO_ROOT, "server/domain/detector/corpus/train");
/** The committed weights, written by `npm run detect:train`. */
export const WEIGHTS_PATH = resolve(REPO_ROOT, "server/domain/detector/model/weights.json");

/** The training corpus files, sorted by name, with their text. */
export function trainingFiles(dir = TRAINING_DIR): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()
    .map((name) => ({ name, text: readFileSync(resolve(dir, name), "utf8") }));
}

/**
 * sha256 over the parsed sentences in training order (what the weights depend on, so an empty
 * or reformatted file does not count): the weights file records it, a test compares.
 */
export function corpusHash(files: readonly { name: string; text: string }[]): string {
  const hash = createHash("sha256");
  for (const s of loadTrainingCorpus(files)) hash.update(`${JSON.stringify([s.id, s.doc, s.text, s.tags, s.kind])}\n`);
  return hash.digest("hex");
}

export function loadTrainingCorpus(files: readonly { name: string; text: string }[]): TrainingSentence[] {
  const out: TrainingSentence[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    file.text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === "") return;
      let sentence: TrainingSentence;
      try {
        sentence = parseTrainingSentence(JSON.parse(line));
      } catch (error) {
        throw new CorpusError(`${file.name}:${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (ids.has(sentence.id)) throw new CorpusError(`${file.name}:${index + 1}: duplicate id ${sentence.id}`);
      ids.add(sentence.id);
      out.push(sentence);
    });
  }
  return out;
}

/** The corpus hash recorded in the committed weights file. */
export function committedCorpusHash(): string {
  const parsed = JSON.parse(readFileSync(WEIGHTS_PATH, "utf8")) as { corpusHash?: unknown };
  return typeof parsed.corpusHash === "string" ? parsed.corpusHash : "";
}
