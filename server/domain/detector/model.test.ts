import { describe, expect, it } from "vitest";
import { committedCorpusHash, corpusHash, trainingFiles } from "../../../scripts/lib/detect-corpus";
import { spanSchema } from "../case/text";
import { combine, detect, type SentenceAnalysis } from "./detect";
import { decodeWeights, encodeWeights } from "./model/codec";
import { FEATURE_COUNT } from "./model/features";
import { MODEL_TAGS, type Thresholds } from "./model/model";
import { crossValidate, foldOf, parseTrainingSentence, toWeightsFile, trainModels, type TrainingSentence } from "./training";

/**
 * The statistical suggester: the committed weights match the corpus, training is deterministic,
 * and `combine` applies thresholds, the uncertain band and context as documented.
 * (Files are read here and in scripts/lib: the lint rule for server/domain forbids fs in the core.)
 */
describe("committed weights", () => {
  it("were trained on the corpus as it is now (run npm run detect:train after editing the corpus)", () => {
    expect(committedCorpusHash()).toBe(corpusHash(trainingFiles()));
  });
});

const TINY: TrainingSentence[] = [
  ["t-1", "Her spouse visa expires in May.", ["immigration"]],
  ["t-2", "She has claimed asylum and is in Home Office accommodation.", ["immigration"]],
  ["t-3", "He says he will get her deported.", ["immigration"]],
  ["t-4", "Her indefinate leave was granted in 2019.", ["immigration"]],
  ["t-5", "She is on annual leave next week.", []],
  ["t-6", "Police attended and arrested him for criminal damage.", []],
  ["t-7", "Her safe number is 07700 900123, text only.", ["safe_contact"]],
  ["t-8", "She is 20 weeks pregnant.", ["health"]],
  ["t-9", "The children attend Oak Primary.", []],
  ["t-10", "He paid with his Visa card.", []],
].map(([id, text, tags]) => parseTrainingSentence({ id, doc: id, text, tags, kind: "test" }));

describe("training", () => {
  it("is deterministic: the same corpus gives byte-identical weights", () => {
    const thresholds = crossValidate(TINY, 2).thresholds;
    const first = JSON.stringify(toWeightsFile(trainModels(TINY), thresholds, "x"));
    const second = JSON.stringify(toWeightsFile(trainModels(TINY), crossValidate(TINY, 2).thresholds, "x"));
    expect(second).toBe(first);
  });

  it("learns the tiny corpus (the trained weights separate its classes)", () => {
    const trained = trainModels(TINY);
    const file = toWeightsFile(trained, crossValidate(TINY, 2).thresholds, "x");
    const weights = new Float32Array(FEATURE_COUNT);
    decodeWeights(file.models.immigration, weights, 1, 0);
    let nonZero = 0;
    for (const w of weights) if (w !== 0) nonZero += 1;
    expect(nonZero).toBeGreaterThan(100);
  });

  it("stores weights compactly and restores them to within the quantisation step", () => {
    const weights = new Float64Array(FEATURE_COUNT);
    weights[3] = 0.5;
    weights[70_000] = -1.25;
    weights[FEATURE_COUNT - 1] = 2;
    const encoded = encodeWeights(weights, 0.3, 0);
    const back = new Float32Array(FEATURE_COUNT * 2);
    decodeWeights(encoded, back, 2, 1);
    expect(back[3 * 2 + 1]).toBeCloseTo(0.5, 3);
    expect(back[70_000 * 2 + 1]).toBeCloseTo(-1.25, 3);
    expect(back[(FEATURE_COUNT - 1) * 2 + 1]).toBeCloseTo(2, 3);
    expect(back[3 * 2]).toBe(0);
    expect(encoded.bias).toBe(0.3);
  });

  it("puts every sentence of a document in the same fold", () => {
    expect(foldOf("nar-imm-001", 5)).toBe(foldOf("nar-imm-001", 5));
    const folds = new Set(Array.from({ length: 50 }, (_, i) => foldOf(`doc-${i}`, 5)));
    expect(folds.size).toBe(5);
  });

  it("rejects a corpus line with an unknown tag, naming it", () => {
    expect(() => parseTrainingSentence({ id: "x-1", doc: "x-1", text: "Hi.", tags: ["criminal"], kind: "" })).toThrow(/x-1: tags/);
  });
});

const THRESHOLDS: Thresholds = {
  tags: { immigration: { low: 0.3, high: 0.8 }, safe_contact: { low: 0.5, high: 0.9 }, health: { low: 0.5, high: 0.9 } },
  context: 0.2,
};

function sentence(start: number, end: number, immigration: number, rules: string[] = []): SentenceAnalysis {
  const scores = new Float64Array(MODEL_TAGS.length);
  scores[0] = immigration;
  return { start, end, ruleTags: new Set(rules.length > 0 ? (["immigration"] as const) : []), rules, scores };
}

describe("combining rules and model", () => {
  const text = "Aaaa. Bbbb. Cccc.";

  it("a score at or above high sets the tag and names the model", () => {
    const [span] = combine(text, [sentence(0, 5, 0.85)], THRESHOLDS);
    expect(span).toEqual({ start: 0, end: 5, tags: ["immigration"], rule: "model:immigration 0.85" });
  });

  it("a score in the uncertain band sets the tag (withheld) and marks the span uncertain", () => {
    const [span] = combine(text, [sentence(0, 5, 0.5)], THRESHOLDS);
    expect(span?.tags).toEqual(["immigration"]);
    expect(span?.uncertain).toBe(true);
    expect(spanSchema.parse({ ...span, source: "detector" }).uncertain).toBe(true);
  });

  it("a score below low sets nothing; a rule sets the tag whatever the score, and is not uncertain", () => {
    expect(combine(text, [sentence(0, 5, 0.29)], THRESHOLDS)).toEqual([]);
    const [span] = combine(text, [sentence(0, 5, 0.5, ["imm.visa"])], THRESHOLDS);
    expect(span).toEqual({ start: 0, end: 5, tags: ["immigration"], rule: "imm.visa" });
  });

  it("after an immigration sentence, the lower context threshold applies", () => {
    const spans = combine(text, [sentence(0, 5, 0, ["imm.visa"]), sentence(6, 11, 0.25), sentence(12, 17, 0.25)], THRESHOLDS);
    expect(spans.map((s) => s.start)).toEqual([0, 6, 12]);
    expect(spans[1]?.rule).toBe("imm.context,model:immigration 0.25");
    expect(spans[1]?.uncertain).toBe(true);
    // Without an immigration sentence before it, the same score sets nothing.
    expect(combine(text, [sentence(6, 11, 0.25)], THRESHOLDS)).toEqual([]);
  });
});

describe("detect with the committed model", () => {
  it.each([
    "Her asylym claim is still pending.",
    "She was granted indefinate leave in 2019.",
    "Her pre-setteled status runs out in the spring.",
  ])("flags a misspelling the rules miss and names the model and its n-grams: %s", (text) => {
    const [span] = detect(text);
    expect(span?.tags).toContain("immigration");
    expect(span?.rule).toMatch(/model:immigration [01]\.\d\d "[^"]+"/);
  });

  it("keeps the rule names when a rule fires", () => {
    const [span] = detect("Her spouse visa expires in May.");
    expect(span?.rule.split(",")[0]).toBe("imm.visa");
  });
});
