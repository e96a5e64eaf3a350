import { describe, expect, it } from "vitest";
import { DEFAULT_DEV_PATH, HOLDOUT_PATH, loadCorpus, SHARED_DEV_SET_ABSENT, sharedDevSetPresent } from "../../../scripts/lib/detect-corpus";
import { evaluate } from "./evaluate";

/**
 * The acceptance figures on the shared dev set (../shared/corpus/dev.jsonl from the
 * repository root): recall >= 0.97 and precision >= 0.92 for `immigration`. A clone of this
 * repository alone has no ../shared: the dev-set test then skips, with the missing path in its
 * title and a warning, and runs wherever the corpus is present (as in CI). The holdout set is
 * committed and always runs.
 * (Files are read by scripts/lib/detect-corpus.ts: the lint rule for server/domain forbids fs.)
 */
function summary(errors: ReturnType<typeof evaluate>["errors"]): string {
  return errors.map((e) => `${e.kind} ${e.id}: ${e.text}`).join("\n");
}

const devSetPresent = sharedDevSetPresent();
if (!devSetPresent) console.warn(`corpus.test.ts: ${SHARED_DEV_SET_ABSENT}`);

describe("immigration detection on labelled corpora", () => {
  const devTitle = "meets recall >= 0.97 and precision >= 0.92 on the shared dev set";
  it.skipIf(!devSetPresent)(devSetPresent ? devTitle : `${devTitle} (${SHARED_DEV_SET_ABSENT})`, () => {
    const items = loadCorpus(DEFAULT_DEV_PATH);
    expect(items.length).toBeGreaterThanOrEqual(100);
    const result = evaluate(items);
    expect(result.recall, summary(result.errors)).toBeGreaterThanOrEqual(0.97);
    expect(result.precision, summary(result.errors)).toBeGreaterThanOrEqual(0.92);
  });

  it("meets the same bar on the detector's own holdout set (written before tuning)", () => {
    const items = loadCorpus(HOLDOUT_PATH);
    expect(items.length).toBeGreaterThanOrEqual(60);
    const result = evaluate(items);
    expect(result.recall, summary(result.errors)).toBeGreaterThanOrEqual(0.97);
    expect(result.precision, summary(result.errors)).toBeGreaterThanOrEqual(0.92);
  });
});
